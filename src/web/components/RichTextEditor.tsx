import '@mantine/tiptap/styles.css';
import { Input } from '@mantine/core';
import { RichTextEditor as MantineRichTextEditor } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useId, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

/** True when the HTML holds no visible text: an editor left empty still answers `<p></p>`. */
export function isBlankHtml(html: string): boolean {
  return (
    html
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;/g, ' ')
      .trim() === ''
  );
}

// Taken from the component: @mantine/tiptap's ESM typings re-export these types by a path NodeNext cannot
// resolve, so importing them by name gives `any`.
type EditorProps = ComponentProps<typeof MantineRichTextEditor>;

function useEditorLabels(): EditorProps['labels'] {
  const { t } = useTranslation();
  return {
    boldControlLabel: t('tickets.editor.bold'),
    italicControlLabel: t('tickets.editor.italic'),
    underlineControlLabel: t('tickets.editor.underline'),
    strikeControlLabel: t('tickets.editor.strike'),
    bulletListControlLabel: t('tickets.editor.bulletList'),
    orderedListControlLabel: t('tickets.editor.orderedList'),
    blockquoteControlLabel: t('tickets.editor.blockquote'),
    codeControlLabel: t('tickets.editor.code'),
    linkControlLabel: t('tickets.editor.link'),
    unlinkControlLabel: t('tickets.editor.unlink'),
    linkEditorInputLabel: t('tickets.editor.linkUrl'),
    linkEditorInputPlaceholder: 'https://…',
    linkEditorExternalLink: t('tickets.editor.linkExternal'),
    linkEditorInternalLink: t('tickets.editor.linkInternal'),
    linkEditorSave: t('tickets.editor.linkSave'),
    undoControlLabel: t('tickets.editor.undo'),
    redoControlLabel: t('tickets.editor.redo'),
  };
}

/**
 * Rich text as HTML (StarterKit, links included). Uncontrolled after mount: to empty it, the parent gives it
 * a new `key`. The server sanitizes whatever comes out, so the toolbar only offers what it keeps.
 */
export function RichTextEditor({
  label,
  initialValue = '',
  onChange,
  error,
  required,
  minHeight = 140,
}: {
  label: string;
  initialValue?: string;
  onChange: (html: string) => void;
  error?: React.ReactNode;
  required?: boolean;
  minHeight?: number;
}) {
  const labels = useEditorLabels();
  const labelId = useId();
  const errorId = useId();
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false, autolink: true } })],
    content: initialValue,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(error ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {}),
        style: `min-height: ${minHeight}px`,
      },
    },
    onUpdate: ({ editor: e }) => onChange(isBlankHtml(e.getHTML()) ? '' : e.getHTML()),
  });

  return (
    <Input.Wrapper
      labelElement="div"
      label={label}
      required={required}
      error={error}
      errorProps={{ id: errorId }}
      labelProps={{ id: labelId }}
    >
      <MantineRichTextEditor
        // @mantine/tiptap's typings load tiptap's CommonJS declarations and ours the ESM ones: the same
        // class, typed twice.
        editor={editor as unknown as EditorProps['editor']}
        labels={labels}
        mt={4}
        style={error ? { borderColor: 'var(--mantine-color-error)' } : undefined}
      >
        <MantineRichTextEditor.Toolbar>
          <MantineRichTextEditor.ControlsGroup>
            <MantineRichTextEditor.Bold />
            <MantineRichTextEditor.Italic />
            <MantineRichTextEditor.Underline />
            <MantineRichTextEditor.Strikethrough />
            <MantineRichTextEditor.Code />
          </MantineRichTextEditor.ControlsGroup>
          <MantineRichTextEditor.ControlsGroup>
            <MantineRichTextEditor.BulletList />
            <MantineRichTextEditor.OrderedList />
            <MantineRichTextEditor.Blockquote />
          </MantineRichTextEditor.ControlsGroup>
          <MantineRichTextEditor.ControlsGroup>
            <MantineRichTextEditor.Link />
            <MantineRichTextEditor.Unlink />
          </MantineRichTextEditor.ControlsGroup>
          <MantineRichTextEditor.ControlsGroup>
            <MantineRichTextEditor.Undo />
            <MantineRichTextEditor.Redo />
          </MantineRichTextEditor.ControlsGroup>
        </MantineRichTextEditor.Toolbar>
        <MantineRichTextEditor.Content />
      </MantineRichTextEditor>
    </Input.Wrapper>
  );
}

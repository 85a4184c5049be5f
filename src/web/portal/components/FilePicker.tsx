import type { ChangeEvent } from 'react';
import { formatSize } from '../format.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { Field } from './Field.js';

/** A message to show, kept as key and values so that it follows a language switch. */
export interface Problem {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

/** Where one file's upload stands: a fraction sent while it goes, then done or failed. */
export type UploadState = number | 'done' | 'failed';

/**
 * The attachments of a form: a native file input (keyboard and screen readers know it), the chosen files
 * with their size and a remove button, and a progress bar per file while they upload.
 */
export function FilePicker(props: {
  id: string;
  files: File[];
  onChange: (files: File[]) => void;
  uploads: UploadState[];
  limits: { maxFiles: number; maxFileMb: number };
  disabled: boolean;
  error?: string | null;
}) {
  const { t } = useI18n();
  const { files, uploads, limits, disabled } = props;
  const add = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(e.target.files ?? []);
    e.target.value = ''; // choosing the same file again must fire change again
    if (chosen.length) props.onChange([...files, ...chosen]);
  };
  return (
    <Field
      id={props.id}
      label={t('form.attachments')}
      hint={t('form.attachmentsHint', { count: limits.maxFiles, mb: limits.maxFileMb })}
      error={props.error}
    >
      {(control) => (
        <>
          <input {...control} type="file" multiple onChange={add} disabled={disabled} />
          {files.length > 0 && (
            <ul className="files">
              {files.map((file, i) => {
                const state = uploads[i];
                return (
                  <li key={`${file.name}-${i}`}>
                    <span className="file-name">{file.name}</span>{' '}
                    <span className="file-size">{formatSize(t, file.size)}</span>
                    {typeof state === 'number' && (
                      <progress
                        max={1}
                        value={state}
                        aria-label={t('upload.progress', { name: file.name })}
                      />
                    )}
                    {state === 'done' && <span className="file-state">{t('upload.done')}</span>}
                    {state === 'failed' && (
                      <span className="file-state file-failed">{t('upload.failed')}</span>
                    )}
                    {state === undefined && !disabled && (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => props.onChange(files.filter((_, j) => j !== i))}
                      >
                        {t('form.removeFile', { name: file.name })}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </Field>
  );
}

/** The client-side check of the chosen files against the portal's limits, before anything is sent. */
export function fileProblem(files: File[], limits: { maxFiles: number; maxFileMb: number }): Problem | null {
  if (files.length > limits.maxFiles) return { key: 'form.tooManyFiles', vars: { count: limits.maxFiles } };
  const big = files.find((f) => f.size > limits.maxFileMb * 1024 * 1024);
  return big ? { key: 'form.fileTooLarge', vars: { name: big.name, mb: limits.maxFileMb } } : null;
}

/**
 * Uploads the files one by one (each with its own progress), reporting the state of each. Resolves with
 * the documents created and the files that failed, with the reason.
 */
export async function uploadAll<D>(
  files: File[],
  upload: (file: File, onProgress: (fraction: number) => void) => Promise<D[]>,
  onState: (states: UploadState[]) => void,
): Promise<{ documents: D[]; failures: { file: File; error: unknown }[] }> {
  const states: UploadState[] = files.map(() => 0);
  const set = (i: number, state: UploadState) => {
    states[i] = state;
    onState([...states]);
  };
  onState([...states]);
  const documents: D[] = [];
  const failures: { file: File; error: unknown }[] = [];
  for (const [i, file] of files.entries()) {
    try {
      documents.push(...(await upload(file, (fraction) => set(i, fraction))));
      set(i, 'done');
    } catch (error) {
      set(i, 'failed');
      failures.push({ file, error });
    }
  }
  return { documents, failures };
}

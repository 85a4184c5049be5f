import { Typography, type TypographyProps } from '@mantine/core';

/**
 * Shows rich text that the server already sanitized with its allow-list (SPEC 8): every HTML body the
 * API returns went through it, so rendering it as HTML is the intended use, not a shortcut.
 */
export function RichTextView({ html, ...props }: { html: string } & Omit<TypographyProps, 'children'>) {
  return (
    <Typography {...props}>
      {/* overflow-wrap: long URLs and references in customer mail must not widen the page */}
      <div style={{ overflowWrap: 'anywhere' }} dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}

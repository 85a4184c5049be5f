import type { Language } from '../../common/languages.js';
import type { DroppedFile } from '../documents/document.service.js';

/** The few words the import writes into a ticket itself, in the ticket's language. */
const TEXT = {
  fr: {
    noSubject: '(sans objet)',
    noText: '(message sans texte)',
    dropped: 'Pièce jointe non conservée',
    tooLarge: (limit: number) => `plus de ${limit} Mo`,
    tooMany: (limit: number) => `plus de ${limit} fichiers par message`,
    forbidden: 'programme ou script refusé',
  },
  en: {
    noSubject: '(no subject)',
    noText: '(message without text)',
    dropped: 'Attachment not kept',
    tooLarge: (limit: number) => `larger than ${limit} MB`,
    tooMany: (limit: number) => `more than ${limit} files per message`,
    forbidden: 'program or script refused',
  },
} as const;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export const noSubject = (language: Language) => TEXT[language].noSubject;
export const noText = (language: Language) => `<p>${TEXT[language].noText}</p>`;

/** One paragraph per file the import did not keep, appended to the message so staff know it existed. */
export function droppedFilesNote(files: DroppedFile[], language: Language): string {
  const t = TEXT[language];
  return files
    .map((f) => {
      const why =
        f.reason === 'too_large'
          ? t.tooLarge(f.limit ?? 0)
          : f.reason === 'too_many'
            ? t.tooMany(f.limit ?? 0)
            : t.forbidden;
      return `<p><em>${t.dropped}: ${escapeHtml(f.filename)} (${mb(f.size)}, ${why})</em></p>`;
    })
    .join('');
}

import { formatValue, type CustomFieldValue } from '../../common/customFields.js';
import type { TicketListItem } from '../../common/schemas/ticket.schema.js';
import type { CustomField } from '../../common/schemas/custom-field.schema.js';
import type { Language } from '../../common/languages.js';

/** The columns of the CSV export, in order, with their header in each language. */
const COLUMNS: { fr: string; en: string; value: (t: TicketListItem) => string | number | null }[] = [
  { fr: 'Référence', en: 'Ref', value: (t) => t.ref },
  { fr: 'Sujet', en: 'Subject', value: (t) => t.subject },
  { fr: 'Statut', en: 'Status', value: (t) => t.status },
  { fr: 'Résolution', en: 'Resolution', value: (t) => t.resolution },
  { fr: 'Type', en: 'Type', value: (t) => t.typeCode },
  { fr: 'Catégorie', en: 'Category', value: (t) => t.categoryCode },
  { fr: 'Sévérité', en: 'Severity', value: (t) => t.severityCode },
  { fr: 'Assigné à', en: 'Assignee', value: (t) => t.assigneeName },
  { fr: 'Tiers', en: 'Third party', value: (t) => t.thirdpartyName },
  { fr: 'Origine', en: 'Origin', value: (t) => t.origin },
  { fr: 'Créé le', en: 'Created', value: (t) => t.createdAt },
  { fr: 'Modifié le', en: 'Updated', value: (t) => t.updatedAt },
  { fr: 'Lu le', en: 'Read', value: (t) => t.readAt },
  { fr: 'Clôturé le', en: 'Closed', value: (t) => t.closedAt },
  { fr: 'Avancement', en: 'Progress', value: (t) => t.progress },
  { fr: 'Durée (minutes)', en: 'Duration (minutes)', value: (t) => t.durationMinutes },
];

/** Spreadsheets run a cell starting with one of these as a formula: such cells get a leading `'`. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula injection defused, then quoted as RFC 4180 asks when needed. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: (string | number | null)[]) => `${cells.map(csvCell).join(',')}\r\n`;

const YES_NO: Record<Language, { yes: string; no: string }> = {
  fr: { yes: 'Oui', no: 'Non' },
  en: { yes: 'Yes', no: 'No' },
};

/** What the custom field columns need of a definition (the list of every field, by position). */
type FieldColumn = Pick<CustomField, 'key' | 'label' | 'type' | 'options'>;

/** UTF-8 BOM (so spreadsheets read the accents right) and the header row, custom fields last. */
export function csvHeader(language: Language, fields: readonly FieldColumn[] = []): string {
  return `\uFEFF${line([...COLUMNS.map((c) => c[language]), ...fields.map((f) => f.label[language])])}`;
}

/** One line per ticket; a custom field's value as one line of text, options by their label. */
export function csvRows(
  tickets: TicketListItem[],
  fields: readonly FieldColumn[] = [],
  language: Language = 'en',
): string {
  const yesNo = YES_NO[language];
  return tickets
    .map((t) =>
      line([
        ...COLUMNS.map((c) => c.value(t)),
        ...fields.map((f) => {
          const value = t.customFields[f.key] as CustomFieldValue | undefined;
          // A number stays a number: a negative one is not a formula to defuse.
          return typeof value === 'number' ? value : formatValue(f, value, language, yesNo);
        }),
      ]),
    )
    .join('');
}

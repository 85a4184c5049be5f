import type { TicketListItem } from '../../common/schemas/ticket.schema.js';
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

/** UTF-8 BOM (so spreadsheets read the accents right) and the header row. */
export function csvHeader(language: Language): string {
  return `\uFEFF${line(COLUMNS.map((c) => c[language]))}`;
}

export function csvRows(tickets: TicketListItem[]): string {
  return tickets.map((t) => line(COLUMNS.map((c) => c.value(t)))).join('');
}

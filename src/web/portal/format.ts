import type { Language } from '../../common/languages.js';
import type { PortalChoice } from '../../common/schemas/portal.schema.js';
import type { Translate } from './i18n/i18n.js';

export function formatDateTime(language: Language, iso: string): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function formatSize(t: Translate, bytes: number): string {
  if (bytes < 1024) return t('units.bytes', { n: bytes });
  if (bytes < 1024 * 1024) return t('units.kb', { n: Math.round(bytes / 1024) });
  return t('units.mb', { n: Math.round((bytes / (1024 * 1024)) * 10) / 10 });
}

export function formatDuration(t: Translate, minutes: number): string {
  if (minutes < 60) return t('units.minutes', { n: minutes });
  if (minutes < 24 * 60) return t('units.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
  return t('units.days', { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60) });
}

export const choiceLabel = (choice: PortalChoice, language: Language): string =>
  language === 'fr' ? choice.labelFr : choice.labelEn;

/** The label of a code in a dictionary; the code itself when the portal does not list it. */
export function labelOf(choices: PortalChoice[], code: string, language: Language): string {
  const choice = choices.find((c) => c.code === code);
  return choice ? choiceLabel(choice, language) : code;
}

/**
 * Categories in tree order, children named "Parent › Child" so that a flat, accessible <select> still
 * shows where each one sits.
 */
export function categoryOptions(
  categories: PortalChoice[],
  language: Language,
): { code: string; label: string }[] {
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const roots = categories.filter((c) => c.parentCode === null || !byCode.has(c.parentCode));
  const out: { code: string; label: string }[] = [];
  const visit = (node: PortalChoice, prefix: string, depth: number) => {
    const label = prefix + choiceLabel(node, language);
    out.push({ code: node.code, label });
    if (depth > 10) return; // a cycle in the data must not hang the page
    for (const child of categories.filter((c) => c.parentCode === node.code))
      visit(child, `${label} › `, depth + 1);
  };
  for (const root of roots) visit(root, '', 0);
  return out;
}

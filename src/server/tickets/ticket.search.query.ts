/**
 * What people type in a search box, made safe for the two full-text engines. Only letters and digits
 * survive, so no FTS5 or tsquery operator, quote or wildcard of the input ever reaches the query text;
 * every word must be present, as a word prefix (`rés` finds `réseau`), case and accents ignored.
 */
const MAX_TOKENS = 8;
const MAX_TOKEN_LENGTH = 40;

export function searchTokens(input: string): string[] {
  const words = input.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const unique = [...new Set(words.map((w) => w.slice(0, MAX_TOKEN_LENGTH)))];
  return unique.slice(0, MAX_TOKENS);
}

/** Where the words are looked for: the subject, the third party's name, or either for each word. */
export type SearchField = 'subject' | 'company';

/** The indexed words a typed prefix stands for (SQLite, `ticket_search_terms`), by typed word. */
export type PrefixTerms = ReadonlyMap<string, readonly string[]>;

const phrase = (word: string) => `"${word.replace(/"/g, '""')}"`;

/**
 * FTS5: `{subject company} : ("rés"* AND "imprim"*)`. The tokenizer folds case and accents itself, like
 * the indexed text. Without fields, the table's only column. `prefix: false` looks for whole words. A
 * word found in `terms` is searched as the whole words it stands for (`("imprimante" OR "imprimantes")`),
 * which FTS5 streams instead of merging every list first.
 */
export function fts5Query(
  tokens: readonly string[],
  fields: readonly SearchField[] = [],
  prefix = true,
  terms: PrefixTerms = new Map(),
): string {
  const words = tokens
    .map((t) => {
      if (!prefix) return phrase(t);
      const whole = terms.get(t);
      if (!whole || whole.length === 0) return `${phrase(t)}*`;
      return whole.length === 1 ? phrase(whole[0] ?? t) : `(${whole.map(phrase).join(' OR ')})`;
    })
    .join(' AND ');
  return fields.length > 0 ? `{${fields.join(' ')}} : (${words})` : words;
}

/**
 * PostgreSQL: `res:*AB & imprim:*AB` (A: subject, B: company name; no weight: anywhere), to go through
 * guichet_unaccent and to_tsquery('simple') in SQL, so the words are folded like the indexed text.
 * `prefix: false`: the words whole (`res:AB & imprim:AB`), a subset of the matches.
 */
export function tsQuery(
  tokens: readonly string[],
  fields: readonly SearchField[] = [],
  prefix = true,
): string {
  const weights = fields.map((f) => (f === 'subject' ? 'A' : 'B')).join('');
  const label = prefix ? `:*${weights}` : weights ? `:${weights}` : '';
  return tokens.map((t) => `${t}${label}`).join(' & ');
}

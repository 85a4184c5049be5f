import type { TicketSort } from '../../../../common/tickets.js';

/**
 * The ticket list keeps its whole state in the URL (reload or share keeps the view). These helpers read
 * and change that state; the API query is the same parameters minus the client-only `back`, the stack of
 * cursors of the pages before the current one (base64url cursors never contain a dot).
 */
export const FILTER_KEYS = [
  'status',
  'type',
  'category',
  'severity',
  'assignee',
  'thirdparty',
  'origin',
  'createdFrom',
  'createdTo',
  'overdue',
  'q',
  'searchIn',
  'text',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const API_KEYS = [...FILTER_KEYS, 'sort', 'order', 'limit', 'cursor'] as const;
/** Custom-field filters travel as `cf.<key>=value` (SPEC 6), to the API as they are. */
export const CUSTOM_FILTER_PREFIX = 'cf.';
const DEFAULT_SORT: TicketSort = 'createdAt';
const BACK_SEPARATOR = '.';

/** The query string for GET /tickets (and export.csv, without the page): only what the URL sets. */
export function apiQuery(params: URLSearchParams, { paged = true } = {}): string {
  const out = new URLSearchParams();
  for (const key of API_KEYS) {
    if (!paged && (key === 'cursor' || key === 'limit')) continue;
    const value = params.get(key);
    if (value) out.set(key, value);
  }
  for (const [key, value] of customFilters(params)) out.set(`${CUSTOM_FILTER_PREFIX}${key}`, value);
  return out.toString();
}

export function withFirstPage(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('cursor');
  next.delete('back');
  return next;
}

/** Sets (or, with an empty value, removes) one filter; a new filter starts again from the first page. */
export function withFilter(params: URLSearchParams, key: FilterKey, value: string | null): URLSearchParams {
  const next = withFirstPage(params);
  if (value) next.set(key, value);
  else next.delete(key);
  return next;
}

export function withoutFilters(params: URLSearchParams): URLSearchParams {
  const next = withFirstPage(params);
  for (const key of FILTER_KEYS) next.delete(key);
  for (const [key] of customFilters(params)) next.delete(`${CUSTOM_FILTER_PREFIX}${key}`);
  return next;
}

export function hasFilters(params: URLSearchParams): boolean {
  return FILTER_KEYS.some((key) => params.has(key)) || customFilters(params).length > 0;
}

/** The custom-field filters of the URL, `[fieldKey, value]`, in the URL's order. */
export function customFilters(params: URLSearchParams): [string, string][] {
  return [...params.entries()]
    .filter(([key, value]) => key.startsWith(CUSTOM_FILTER_PREFIX) && value !== '')
    .map(([key, value]) => [key.slice(CUSTOM_FILTER_PREFIX.length), value]);
}

/** Sets (or, with an empty value, removes) the filter of one custom field; the page starts again. */
export function withCustomFilter(params: URLSearchParams, fieldKey: string, value: string | null) {
  const next = withFirstPage(params);
  if (value) next.set(`${CUSTOM_FILTER_PREFIX}${fieldKey}`, value);
  else next.delete(`${CUSTOM_FILTER_PREFIX}${fieldKey}`);
  return next;
}

export function currentSort(params: URLSearchParams): { sort: TicketSort; order: 'asc' | 'desc' } {
  const sort = (params.get('sort') as TicketSort | null) ?? DEFAULT_SORT;
  const order = params.get('order') ?? (sort === DEFAULT_SORT ? 'desc' : 'asc');
  return { sort, order: order === 'asc' ? 'asc' : 'desc' };
}

/** A click on a column header: the same column flips the order, another one sorts by it. */
export function withSort(params: URLSearchParams, column: TicketSort): URLSearchParams {
  const next = withFirstPage(params);
  const { sort, order } = currentSort(params);
  // Dates read best newest first; words and codes from A.
  const firstOrder = column === 'createdAt' || column === 'updatedAt' ? 'desc' : 'asc';
  next.set('sort', column);
  next.set('order', sort === column ? (order === 'asc' ? 'desc' : 'asc') : firstOrder);
  return next;
}

function backStack(params: URLSearchParams): string[] {
  return (params.get('back') ?? '').split(BACK_SEPARATOR).filter(Boolean);
}

export function withNextPage(params: URLSearchParams, nextCursor: string): URLSearchParams {
  const next = new URLSearchParams(params);
  const cursor = params.get('cursor');
  const back = backStack(params);
  if (cursor) back.push(cursor);
  if (back.length) next.set('back', back.join(BACK_SEPARATOR));
  next.set('cursor', nextCursor);
  return next;
}

export function withPreviousPage(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  const back = backStack(params);
  const previous = back.pop();
  if (previous) next.set('cursor', previous);
  else next.delete('cursor');
  if (back.length) next.set('back', back.join(BACK_SEPARATOR));
  else next.delete('back');
  return next;
}

/** 1 for the first page; the cursor stack says how many pages came before. */
export function pageNumber(params: URLSearchParams): number {
  return params.get('cursor') ? backStack(params).length + 2 : 1;
}

/**
 * The status filter as the multi-select shows it: `open` (no parameter: the server's default), `all`,
 * `deleted`, or some statuses. Picking a scope replaces the rest; picking a status drops the scopes.
 */
export const STATUS_SCOPES = ['open', 'all', 'deleted'] as const;
const isScope = (v: string) => (STATUS_SCOPES as readonly string[]).includes(v);

export function statusSelection(params: URLSearchParams): string[] {
  const status = params.get('status');
  if (!status) return ['open'];
  return status.split(',').filter(Boolean);
}

export function withStatusSelection(params: URLSearchParams, picked: string[]): URLSearchParams {
  const before = statusSelection(params);
  const added = picked.find((v) => !before.includes(v));
  let values = added && isScope(added) ? [added] : picked.filter((v) => !isScope(v));
  if (values.length === 0) values = ['open'];
  return withFilter(params, 'status', values[0] === 'open' ? null : values.join(','));
}

/** Multi-valued filters (type, category, severity, origin) travel comma-separated. */
export const splitList = (value: string | null): string[] => (value ? value.split(',').filter(Boolean) : []);

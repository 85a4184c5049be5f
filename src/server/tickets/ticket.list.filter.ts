import type { TicketListQuery } from '../../common/schemas/ticket.schema.js';
import {
  OPEN_STATUSES,
  TICKET_STATUSES,
  type Origin,
  type SearchIn,
  type TicketSort,
  type TicketStatus,
} from '../../common/tickets.js';
import type { FieldRule } from '../../common/customFields.js';
import { AppError } from '../http/errors.js';
import { readCustomFieldFilters, type CustomFieldFilter } from './ticket.list.customfields.js';
import { searchTokens } from './ticket.search.query.js';

/** The list's filters once read: what the repository turns into SQL (SPEC 2.7). */
export interface TicketFilter {
  /** Never empty. Default: the open statuses; `all`: everything but deleted. */
  statuses: TicketStatus[];
  types?: string[];
  categories?: string[];
  severities?: string[];
  /** A user id, or null for "unassigned". */
  assigneeId?: number | null;
  thirdpartyId?: number;
  origins?: Origin[];
  /** Inclusive lower and exclusive upper instants (ISO-8601 UTC). */
  createdFrom?: string;
  createdBefore?: string;
  updatedFrom?: string;
  updatedBefore?: string;
  overdue?: boolean;
  /** Words of `q`, looked for in the subject, the third party's name or both (`searchIn`). */
  search?: { in: SearchIn; tokens: string[] };
  /** Full-text words over subject, description and messages. */
  text?: string[];
  /** `cf.<key>` filters, by key (ticket.list.customfields.ts). */
  customFields?: CustomFieldFilter[];
  /** The "assignee only" setting: only this user's tickets and unassigned ones. */
  visibleToUserId?: number;
}

export interface TicketOrder {
  sort: TicketSort;
  order: 'asc' | 'desc';
}

const KNOWN_KEYS = new Set([
  'status',
  'type',
  'category',
  'severity',
  'assignee',
  'thirdparty',
  'origin',
  'createdFrom',
  'createdTo',
  'updatedFrom',
  'updatedTo',
  'q',
  'searchIn',
  'text',
  'overdue',
  'sort',
  'order',
  'limit',
  'cursor',
]);

const CODE = /^[A-Za-z0-9_.-]{1,32}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

const invalid = (path: string, message: string) =>
  new AppError('validation_error', 400, `Invalid input: querystring.${path}: ${message}`, {
    details: { issues: [{ path: `querystring.${path}`, message }] },
  });

function codes(value: string | undefined, path: string): string[] | undefined {
  if (value === undefined) return undefined;
  const list = [
    ...new Set(
      value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
  if (list.length > 50) throw invalid(path, 'At most 50 codes');
  const bad = list.find((c) => !CODE.test(c));
  if (bad !== undefined) throw invalid(path, `"${bad}" is not a code`);
  return list.length > 0 ? list : undefined;
}

/** A date is a whole day (`to` includes it); a date-time is an exact instant (`to` includes it too). */
function bound(value: string | undefined, end: boolean): string | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(t)) return undefined;
  if (!end) return new Date(t).toISOString();
  return new Date(DATE_ONLY.test(value) ? t + DAY_MS : t + 1).toISOString();
}

function statuses(value: TicketListQuery['status']): TicketStatus[] {
  if (value === 'all') return TICKET_STATUSES.filter((s) => s !== 'deleted');
  if (value === 'deleted') return ['deleted'];
  if (value === undefined || value.length === 0) return [...OPEN_STATUSES];
  return TICKET_STATUSES.filter((s) => value.includes(s));
}

/**
 * Reads the validated query of GET /tickets into a filter and an order. The schema lets any extra key
 * through so that `cf.<key>` can be read here against the custom field definitions (`fields`); any other
 * unknown key is a mistake in the request.
 */
export function readTicketQuery(
  query: TicketListQuery,
  actor: { userId: number },
  fields: readonly FieldRule[] = [],
): { filter: TicketFilter; order: TicketOrder } {
  const cf: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (KNOWN_KEYS.has(key)) continue;
    if (key.startsWith('cf.')) {
      cf[key.slice(3)] = String(value);
      continue;
    }
    throw invalid(key, `Unknown parameter "${key}"`);
  }
  const filter: TicketFilter = { statuses: statuses(query.status) };
  const types = codes(query.type, 'type');
  const categories = codes(query.category, 'category');
  const severities = codes(query.severity, 'severity');
  if (types) filter.types = types;
  if (categories) filter.categories = categories;
  if (severities) filter.severities = severities;
  if (query.assignee !== undefined) {
    filter.assigneeId =
      query.assignee === 'me' ? actor.userId : query.assignee === 'unassigned' ? null : query.assignee;
  }
  if (query.thirdparty !== undefined) filter.thirdpartyId = query.thirdparty;
  if (query.origin && query.origin.length > 0) filter.origins = [...new Set(query.origin)];
  const createdFrom = bound(query.createdFrom, false);
  const createdBefore = bound(query.createdTo, true);
  const updatedFrom = bound(query.updatedFrom, false);
  const updatedBefore = bound(query.updatedTo, true);
  if (createdFrom) filter.createdFrom = createdFrom;
  if (createdBefore) filter.createdBefore = createdBefore;
  if (updatedFrom) filter.updatedFrom = updatedFrom;
  if (updatedBefore) filter.updatedBefore = updatedBefore;
  if (query.overdue !== undefined) filter.overdue = query.overdue === 'true';
  // Text without a single letter or digit finds nothing rather than everything.
  if (query.q) filter.search = { in: query.searchIn, tokens: searchTokens(query.q) };
  if (query.text) filter.text = searchTokens(query.text);
  const customFields = readCustomFieldFilters(cf, fields);
  if (customFields.length > 0) filter.customFields = customFields;
  return { filter, order: { sort: query.sort, order: query.order } };
}

import { sql, type RawBuilder } from 'kysely';
import type { TicketListItem, TicketListPage } from '../../common/schemas/ticket.schema.js';
import { OVERDUE_FIRST, OVERDUE_REPLY } from './ticket.list.where.js';

/*
 * SQLite: a list item's JSON, written by the query itself. Reading a row as values, turning them into an
 * object, presenting it and writing it out as JSON again was a fifth of a list page; SQLite's json_object
 * writes the same text from the row at a fraction of that. presentTicketListItem (ticket.presenter.ts) stays
 * the reference: PostgreSQL lists, the ticket page and the export use it, and ticket.list.json.int.test.ts
 * holds the two to the same answer, value by value, on the cases where they could part.
 */

/**
 * Stand-ins for the overdue thresholds of the instant a page is read (overdueThresholds), which compiled
 * list queries carry as parameters: each run puts the thresholds of its own instant in their place.
 */
export const OVERDUE_FIRST_STANDIN = '\u0000overdue-first';
export const OVERDUE_REPLY_STANDIN = '\u0000overdue-reply';

/** Milliseconds since 1970 of an ISO-8601 text, as an integer (null when it is not a date). */
const epochMs = (column: string) => sql.raw(`CAST(round(unixepoch(${column}, 'subsec') * 1000) AS INTEGER)`);

/**
 * Each field of the list item as SQL over the row `t`, in the order of presentTicketListItem. Typed by the
 * item itself: a field added to the schema does not compile until it is written here too.
 */
const FIELDS: { [K in keyof TicketListItem]: RawBuilder<unknown> } = {
  id: sql.raw('t.id'),
  ref: sql.raw('t.ref'),
  trackId: sql.raw('t.track_id'),
  subject: sql.raw('t.subject'),
  typeCode: sql.raw('t.type_code'),
  categoryCode: sql.raw('t.category_code'),
  severityCode: sql.raw('t.severity_code'),
  status: sql.raw('t.status'),
  resolution: sql.raw('t.resolution'),
  origin: sql.raw('t.origin'),
  createdAt: sql.raw('t.created_at'),
  updatedAt: sql.raw('t.updated_at'),
  readAt: sql.raw('t.read_at'),
  closedAt: sql.raw('t.closed_at'),
  // Math.max(0, Math.round(ms / 1000)) of the presenter: for ms ≥ 0, (ms + 500) / 1000 in integers.
  elapsedBeforeReadSeconds: sql`CASE WHEN t.read_at IS NULL THEN NULL ELSE max(0, (${epochMs('t.read_at')} - ${epochMs('t.created_at')} + 500) / 1000) END`,
  authorUserId: sql.raw('t.author_user_id'),
  authorEmail: sql.raw('t.author_email'),
  assigneeId: sql.raw('t.assignee_id'),
  assigneeName: sql.raw('t.assignee_name'),
  thirdpartyId: sql.raw('t.thirdparty_id'),
  thirdpartyName: sql.raw('t.thirdparty_name'),
  contactId: sql.raw('t.contact_id'),
  equipmentId: sql.raw('t.equipment_id'),
  progress: sql.raw('t.progress'),
  durationMinutes: sql.raw('t.duration_minutes'),
  // parseCustomFields: anything but a JSON object counts as no value.
  customFields: sql.raw(
    `CASE WHEN json_valid(t.custom_fields) AND json_type(t.custom_fields) = 'object' THEN json(t.custom_fields) ELSE json('{}') END`,
  ),
  version: sql.raw('t.version'),
  // overduePredicate, in the words of the list's overdue filter; a threshold of null (a rule turned off)
  // makes its comparison null, which is never true.
  overdue: sql`json(CASE WHEN (${OVERDUE_FIRST} AND t.created_at < ${OVERDUE_FIRST_STANDIN}) OR (${OVERDUE_REPLY} AND t.last_customer_message_at < ${OVERDUE_REPLY_STANDIN}) THEN 'true' ELSE 'false' END)`,
};

/** The list item of row `t` as JSON text (SQLite). */
export const listItemJson: RawBuilder<string> = sql<string>`json_object(${sql.join(
  Object.entries(FIELDS).map(([name, value]) => sql`${sql.lit(name)}, ${value}`),
)})`;

/** The items of a page as the JSON texts the query wrote, in order. */
export class JsonItems {
  constructor(readonly texts: readonly string[]) {}
}

/** A list page whose items are objects to write out, or JSON the database wrote already. */
export type ListPageOut = Omit<TicketListPage, 'items'> & { items: TicketListItem[] | JsonItems };

/** The route's serializer (ticket.list.routes.ts): the page as JSON, its items' texts set in as they are. */
export const listPageSerializer = () => (data: unknown) => {
  const page = data as ListPageOut;
  if (!(page.items instanceof JsonItems)) return JSON.stringify(page);
  const { items, ...rest } = page;
  const tail = JSON.stringify(rest);
  return `{"items":[${items.texts.join(',')}]${tail === '{}' ? '' : `,${tail.slice(1, -1)}`}}`;
};

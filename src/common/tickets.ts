/** Ticket vocabulary shared by the server and the web (SPEC 2). */
export const TICKET_STATUSES = [
  'unread',
  'read',
  'assigned',
  'in_progress',
  'waiting',
  'closed',
  'deleted',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** "Open" means neither closed nor deleted. */
export const OPEN_STATUSES = [
  'unread',
  'read',
  'assigned',
  'in_progress',
  'waiting',
] as const satisfies readonly TicketStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];
export const isOpenStatus = (s: TicketStatus): s is OpenStatus =>
  (OPEN_STATUSES as readonly string[]).includes(s);

export const RESOLUTIONS = ['solved', 'abandoned'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const ORIGINS = ['staff', 'portal', 'email', 'api', 'phone'] as const;
export type Origin = (typeof ORIGINS)[number];

/** Columns the list can be sorted by (SPEC 2.7). */
export const TICKET_SORTS = [
  'ref',
  'subject',
  'status',
  'severity',
  'type',
  'category',
  'assignee',
  'thirdparty',
  'createdAt',
  'updatedAt',
] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export const SEARCH_IN = ['subject', 'company', 'both'] as const;
export type SearchIn = (typeof SEARCH_IN)[number];

export const HISTORY_KINDS = [
  'created',
  'read',
  'assigned',
  'unassigned',
  'classification_changed',
  'field_changed',
  'status_changed',
  'closed',
  'reopened',
  'deleted',
  'restored',
  'message_added',
  'note_added',
  'email_sent',
  'email_received',
  'document_added',
  'document_removed',
  'link_created',
  'link_removed',
] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const DICTIONARY_KINDS = [
  'ticket-types',
  'ticket-categories',
  'ticket-severities',
  'event-types',
] as const;
export type DictionaryKind = (typeof DICTIONARY_KINDS)[number];

/** What the actor may do on one ticket; the API computes it so the UI never re-implements the rules. */
export const TICKET_ABILITIES = [
  'update',
  'markRead',
  'assign',
  'unassign',
  'setWaiting',
  'setInProgress',
  'close',
  'reopen',
  'delete',
  'restore',
  'purge',
  'addMessage',
  'addNote',
  'uploadDocument',
  /** Field service (SPEC 6): offered on tickets with a third party, to holders of intervention.write. */
  'createIntervention',
  /** Ticket with a third party and proposal.write. */
  'createProposal',
  /** agenda.write. */
  'createEvent',
] as const;
export type TicketAbility = (typeof TICKET_ABILITIES)[number];
export type TicketAbilities = Record<TicketAbility, boolean>;

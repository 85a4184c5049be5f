import { AppError, notFound } from '../http/errors.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { PortalRepository, PortalTicketRow } from './portal.repository.js';
import type { Visitor } from './portal.session.js';

export const portalTicketNotFound = () =>
  notFound('portal_ticket_not_found', 'No ticket matches this tracking key and address');
export const portalDisabled = () => new AppError('portal_disabled', 404, 'The portal is closed');

/** Tracking keys are typed by people: spaces and lower case are forgiven. */
export const normalizeTrackId = (trackId: string) => trackId.replace(/\s+/g, '').toUpperCase();

/** Addresses that belong to a ticket (SPEC 4): its reporter, its contact, its third party. */
export function belongsToTicket(row: PortalTicketRow, email: string): boolean {
  const e = email.trim().toLowerCase();
  return [row.author_email?.trim().toLowerCase(), row.contact_email_lower, row.thirdparty_email_lower].some(
    (a) => a !== null && a !== undefined && a !== '' && a === e,
  );
}

/** The address a customer command is recorded under: the reporter's, else the customer's. */
export function customerEmailOf(row: PortalTicketRow): string {
  return row.author_email ?? row.contact_email_lower ?? row.thirdparty_email_lower ?? 'unknown';
}

/**
 * What a portal visitor may open: a ticket granted to their session (created there, opened by key and
 * address or by signed link) or a ticket of the customer their personalized link identified. Deleted
 * tickets, unknown keys and tickets of others all answer the same 404.
 */
export function createPortalAccess(deps: { repo: PortalRepository; settings: Pick<SettingsService, 'get'> }) {
  const { repo, settings } = deps;

  /** The ticket behind a tracking key, whoever asks (deleted ones are gone for the portal). */
  async function findByTrackId(trackId: string): Promise<PortalTicketRow | undefined> {
    const row = await repo.findTicketByTrackId(normalizeTrackId(trackId));
    return row && row.status !== 'deleted' ? row : undefined;
  }

  return {
    findByTrackId,

    async requireEnabled(): Promise<void> {
      if (!(await settings.get('portal.enabled'))) throw portalDisabled();
    },

    async granted(visitor: Visitor, trackId: string): Promise<PortalTicketRow> {
      const session = visitor.session;
      if (!session) throw portalTicketNotFound();
      const row = await findByTrackId(trackId);
      if (!row) throw portalTicketNotFound();
      const ofCustomer = session.thirdpartyId !== null && row.thirdparty_id === session.thirdpartyId;
      if (!ofCustomer && !(await repo.hasTicketGrant(session.id, row.id))) throw portalTicketNotFound();
      return row;
    },
  };
}

export type PortalAccess = ReturnType<typeof createPortalAccess>;

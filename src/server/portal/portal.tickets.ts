import type { Readable } from 'node:stream';
import type {
  PortalAddMessageInput,
  PortalDocument,
  PortalMessage,
  PortalTicket,
} from '../../common/schemas/portal.schema.js';
import { isOpenStatus, type TicketStatus } from '../../common/tickets.js';
import type { Config } from '../config.js';
import type { DocumentRow } from '../db/schema.js';
import { createBlobStore } from '../documents/blob.store.js';
import type { DocumentService, OpenParts } from '../documents/document.service.js';
import { conflict, notFound } from '../http/errors.js';
import type { SettingsService } from '../settings/settings.service.js';
import { plainTextToHtml, type CustomerTickets } from '../tickets/ticket.customer.js';
import type { CustomFieldDefinitions } from '../tickets/ticket.customfields.js';
import { customerEmailOf, type PortalAccess } from './portal.access.js';
import { presentPortalDocument, presentPortalMessage, presentPortalTicket } from './portal.presenter.js';
import type { PortalRepository, PortalTicketRow } from './portal.repository.js';
import type { Visitor } from './portal.session.js';

const documentNotFound = () => notFound('document_not_found', 'No such document');
const notOpen = (row: PortalTicketRow) =>
  conflict('ticket_not_open', `This ticket is ${row.status}: it takes no more messages or files`);

/**
 * A customer's view of one ticket and what they may do on it (SPEC 4): read it, its public messages and
 * documents, add files and messages, close it. Every function first checks the visitor's grant
 * (portal.access.ts); private notes, internal history and documents of notes never leave the server.
 */
export function createPortalTickets(deps: {
  repo: PortalRepository;
  access: PortalAccess;
  settings: Pick<SettingsService, 'get'>;
  documents: Pick<DocumentService, 'uploadAsCustomer'>;
  customerTickets: CustomerTickets;
  customFieldDefs: CustomFieldDefinitions;
  config: Pick<Config, 'dataDir'>;
}) {
  const { repo, access, settings, documents, customerTickets } = deps;
  const blobs = createBlobStore(deps.config.dataDir);

  async function present(row: PortalTicketRow): Promise<PortalTicket> {
    const [showDuration, fields] = await Promise.all([
      settings.get('portal.showDuration'),
      deps.customFieldDefs.definitions(),
    ]);
    return presentPortalTicket(row, { showDuration, fields });
  }

  async function messagesOf(ticketId: number, messageId?: number): Promise<PortalMessage[]> {
    const rows =
      messageId === undefined
        ? await repo.publicMessages(ticketId)
        : [await repo.findPublicMessage(messageId)].filter((r) => r !== undefined);
    const docs = await repo.visibleDocuments(ticketId);
    return rows.map((r) => presentPortalMessage(r, docs));
  }

  return {
    async get(visitor: Visitor, trackId: string): Promise<PortalTicket> {
      return present(await access.granted(visitor, trackId));
    },

    /** Public messages, newest first. */
    async messages(visitor: Visitor, trackId: string): Promise<{ items: PortalMessage[] }> {
      const row = await access.granted(visitor, trackId);
      return { items: await messagesOf(row.id) };
    },

    async documents(visitor: Visitor, trackId: string): Promise<{ items: PortalDocument[] }> {
      const row = await access.granted(visitor, trackId);
      return { items: (await repo.visibleDocuments(row.id)).map(presentPortalDocument) };
    },

    /** Files for the ticket (to attach to a message next), with the limits and checks of staff uploads. */
    async upload(
      visitor: Visitor,
      trackId: string,
      openParts: OpenParts,
    ): Promise<{ items: PortalDocument[] }> {
      const row = await access.granted(visitor, trackId);
      if (!isOpenStatus(row.status as TicketStatus)) throw notOpen(row);
      const docs = await documents.uploadAsCustomer(customerEmailOf(row), row.id, openParts);
      return {
        items: docs.map((d) => ({
          id: d.id,
          filename: d.filename,
          mimeType: d.mimeType,
          size: d.size,
          createdAt: d.createdAt,
        })),
      };
    },

    /** A document the customer may see, opened for download. */
    async download(
      visitor: Visitor,
      trackId: string,
      documentId: number,
    ): Promise<{ document: DocumentRow; size: number; stream: Readable }> {
      const row = await access.granted(visitor, trackId);
      const [doc] = await repo.visibleDocuments(row.id, documentId);
      if (!doc) throw documentNotFound();
      const blob = await blobs.open(doc.sha256);
      if (!blob) throw documentNotFound();
      return { document: doc, ...blob };
    },

    /** The customer's answer; 409 ticket_not_open on a closed ticket. */
    async addMessage(
      visitor: Visitor,
      trackId: string,
      input: PortalAddMessageInput,
    ): Promise<PortalMessage> {
      const row = await access.granted(visitor, trackId);
      if (!isOpenStatus(row.status as TicketStatus)) throw notOpen(row);
      const messageId = await customerTickets.addCustomerMessage(
        row.id,
        { kind: 'customer', email: customerEmailOf(row) },
        { bodyHtml: plainTextToHtml(input.body), attachmentIds: input.attachmentIds ?? [] },
      );
      const [message] = await messagesOf(row.id, messageId);
      if (!message) throw new Error(`message ${messageId} vanished after its commit`);
      return message;
    },

    async close(visitor: Visitor, trackId: string): Promise<PortalTicket> {
      const row = await access.granted(visitor, trackId);
      if (!isOpenStatus(row.status as TicketStatus)) throw notOpen(row);
      await customerTickets.closeByCustomer(row.id, { kind: 'customer', email: customerEmailOf(row) });
      return present(await access.granted(visitor, trackId));
    },
  };
}

export type PortalTickets = ReturnType<typeof createPortalTickets>;

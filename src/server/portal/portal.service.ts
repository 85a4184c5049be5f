import type {
  PortalCaptchaChallenge,
  PortalChoice,
  PortalConfig,
  PortalCreateTicketInput,
  PortalCreateTicketResult,
  PortalCustomer,
  PortalSessionCustomerInput,
  PortalSessionInput,
  PortalSessionLinkInput,
  PortalTicketSessionResult,
} from '../../common/schemas/portal.schema.js';
import { fieldsForForm } from '../../common/customFields.js';
import { sha256 } from '../auth/secrets.js';
import type { Clock } from '../clock.js';
import type { CustomerService } from '../customers/customer.service.js';
import type { DictionaryEntryRow } from '../db/schema.js';
import type { DictionaryService } from '../dictionaries/dictionary.service.js';
import { AppError, notFound } from '../http/errors.js';
import type { SettingsService } from '../settings/settings.service.js';
import { plainTextToHtml, type CustomerTickets } from '../tickets/ticket.customer.js';
import { creationCustomFields, type CustomFieldDefinitions } from '../tickets/ticket.customfields.js';
import { formatTicketRef, generateTrackId } from '../tickets/ticket.ref.js';
import { belongsToTicket, portalTicketNotFound, type PortalAccess } from './portal.access.js';
import type { PortalCaptcha } from './portal.captcha.js';
import type { PortalLinks } from './portal.links.js';
import { presentPortalSummary, presentPortalTicket } from './portal.presenter.js';
import type { PortalQuota } from './portal.quota.js';
import type { PortalRepository } from './portal.repository.js';
import type { PortalSessions, Visitor } from './portal.session.js';

export interface PortalServiceDeps {
  repo: PortalRepository;
  access: PortalAccess;
  sessions: PortalSessions;
  captcha: PortalCaptcha;
  quota: PortalQuota;
  links: Pick<PortalLinks, 'verifyTicketSignature'>;
  settings: Pick<SettingsService, 'get' | 'all'>;
  dictionaries: Pick<DictionaryService, 'publicCategories' | 'resolveClassification'>;
  customers: Pick<CustomerService, 'findByEmail'>;
  customerTickets: CustomerTickets;
  customFieldDefs: CustomFieldDefinitions;
  clock: Clock;
}

/** The customer's tickets listed on their personalized page. */
const CUSTOMER_TICKETS_LIMIT = 200;

const choice = (r: DictionaryEntryRow): PortalChoice => ({
  code: r.code,
  labelFr: r.label_fr,
  labelEn: r.label_en,
  parentCode: r.parent_code,
});

const invalidCategory = (code: string) =>
  new AppError('invalid_classification', 400, `categoryCode "${code}" is not a public category`, {
    details: { field: 'categoryCode', code },
  });

/**
 * The public portal (SPEC 4): its configuration, opening a ticket, and the ways a visitor's session gets
 * access (tracking key and address, signed link, personalized link). Viewing and answering tickets are in
 * portal.tickets.ts. Every function takes the visitor first, as staff services take the actor.
 */
export function createPortalService(deps: PortalServiceDeps) {
  const { repo, access, sessions, captcha, quota, links, settings, dictionaries, customers, clock } = deps;

  async function present(id: number) {
    const row = await repo.findTicketById(id);
    if (!row) throw portalTicketNotFound();
    const [showDuration, fields] = await Promise.all([
      settings.get('portal.showDuration'),
      deps.customFieldDefs.definitions(),
    ]);
    return presentPortalTicket(row, { showDuration, fields });
  }

  /** The customer of the personalized session: name, contacts, tickets (404 without one). */
  async function customer(visitor: Visitor): Promise<PortalCustomer> {
    const thirdpartyId = visitor.session?.thirdpartyId ?? null;
    const tp = thirdpartyId === null ? undefined : await repo.findThirdparty(thirdpartyId);
    if (!tp) throw notFound('portal_link_not_found', 'No customer is attached to this visit');
    const [contacts, tickets] = await Promise.all([
      repo.contactsOf(tp.id),
      repo.ticketsOfThirdparty(tp.id, CUSTOMER_TICKETS_LIMIT),
    ]);
    return { name: tp.name, contacts, tickets: tickets.map(presentPortalSummary) };
  }

  /** The public category the form starts on: the default one if public, else the first public one. */
  async function defaultCategory(): Promise<string | undefined> {
    const categories = await dictionaries.publicCategories();
    return (categories.find((c) => c.isDefault) ?? categories[0])?.code;
  }

  /** The customer a personalized session names, with the chosen contact checked against it. */
  async function personalizedCustomer(visitor: Visitor, input: PortalCreateTicketInput) {
    const thirdpartyId = visitor.session?.thirdpartyId ?? null;
    if (thirdpartyId === null) {
      if (input.contactId === undefined) return undefined;
      throw new AppError('invalid_customer', 400, 'A contact can be chosen on a personalized page only', {
        details: { contactId: input.contactId },
      });
    }
    const contacts = await repo.contactsOf(thirdpartyId);
    if (input.contactId !== undefined) {
      if (!contacts.some((c) => c.id === input.contactId)) {
        throw new AppError(
          'invalid_customer',
          400,
          `Contact ${input.contactId} is not one of this customer`,
          {
            details: { contactId: input.contactId },
          },
        );
      }
      return { thirdpartyId, contactId: input.contactId };
    }
    // No contact chosen: the address may still be one of this customer's contacts.
    const match = await customers.findByEmail(input.email);
    const contactId = match?.thirdpartyId === thirdpartyId ? match.contactId : null;
    return { thirdpartyId, contactId };
  }

  /**
   * The honeypot was filled: answer like a success so that the robot learns nothing, store nothing and
   * grant nothing (the made-up key opens no ticket).
   */
  function decoy(input: PortalCreateTicketInput): PortalCreateTicketResult {
    const now = clock.now();
    const ref = formatTicketRef(now, 1000 + Math.floor(Math.random() * 9000));
    const trackId = generateTrackId();
    const at = now.toISOString();
    return {
      ref,
      trackId,
      ticket: {
        trackId,
        ref,
        subject: input.subject,
        message: plainTextToHtml(input.message),
        status: 'unread',
        typeCode: input.typeCode ?? '',
        categoryCode: input.categoryCode ?? '',
        severityCode: input.severityCode ?? '',
        progress: 0,
        createdAt: at,
        updatedAt: at,
        closedAt: null,
        durationMinutes: null,
        customerName: null,
        canReply: true,
        canClose: true,
        customFields: [],
      },
    };
  }

  return {
    /** Answered even when the portal is closed, so that the page can say so. */
    async config(): Promise<PortalConfig> {
      const s = await settings.all();
      const [types, severities, categories, defaults, fields] = await Promise.all([
        repo.activeEntries('ticket-types'),
        repo.activeEntries('ticket-severities'),
        dictionaries.publicCategories(),
        dictionaries.resolveClassification({}),
        deps.customFieldDefs.definitions(),
      ]);
      return {
        enabled: s['portal.enabled'],
        title: { fr: s['portal.title.fr'], en: s['portal.title.en'] },
        homeText: { fr: s['portal.homeText.fr'], en: s['portal.homeText.en'] },
        helpText: { fr: s['portal.helpText.fr'], en: s['portal.helpText.en'] },
        captcha: s['portal.captcha'],
        types: types.map(choice),
        categories: categories.map((c) => ({
          code: c.code,
          labelFr: c.label.fr,
          labelEn: c.label.en,
          parentCode: c.parentCode,
        })),
        severities: severities.map(choice),
        defaults: {
          typeCode: defaults.typeCode,
          categoryCode: (await defaultCategory()) ?? defaults.categoryCode,
          severityCode: defaults.severityCode,
        },
        uploads: { maxFileMb: s['uploads.maxFileMb'], maxFiles: s['uploads.maxFilesPerMessage'] },
        showDuration: s['portal.showDuration'],
        customFields: fieldsForForm(fields, 'portal').map((f) => ({
          key: f.key,
          label: f.label,
          type: f.type,
          required: f.required,
          options: f.options,
        })),
      };
    },

    captchaChallenge(): PortalCaptchaChallenge {
      return captcha.challenge();
    },

    /**
     * A new ticket from a visitor: honeypot, captcha (when on), public category, the customer matched by
     * address (or the personalized page's), the monthly quota of the address counted in the creation
     * transaction. The visitor's session then grants the ticket.
     */
    async createTicket(visitor: Visitor, input: PortalCreateTicketInput): Promise<PortalCreateTicketResult> {
      if (input.website) return decoy(input);
      // Checked before the captcha is spent (the tickets domain checks again when it creates the ticket).
      creationCustomFields(await deps.customFieldDefs.definitions(), input.customFields, 'portal');
      if (await settings.get('portal.captcha')) await captcha.verify(input.captcha);
      let categoryCode = input.categoryCode;
      if (categoryCode !== undefined) {
        const code = categoryCode;
        if (!(await dictionaries.publicCategories()).some((c) => c.code === code))
          throw invalidCategory(code);
      } else categoryCode = await defaultCategory();
      const customer = await personalizedCustomer(visitor, input);
      const row = await deps.customerTickets.createFromCustomer({
        origin: 'portal',
        email: input.email,
        name: input.name ?? null,
        subject: input.subject,
        messageHtml: plainTextToHtml(input.message),
        classification: { typeCode: input.typeCode, categoryCode, severityCode: input.severityCode },
        customFields: input.customFields,
        customer,
        language: input.language,
        beforeInsert: (trx) => quota.count(trx, visitor.ip),
      });
      await sessions.grantTicket(visitor, row.id);
      return { ref: row.ref, trackId: row.track_id, ticket: await present(row.id) };
    },

    /** Tracking key and an address of the ticket; a wrong address and an unknown key look the same. */
    async openByEmail(visitor: Visitor, input: PortalSessionInput): Promise<PortalTicketSessionResult> {
      const row = await access.findByTrackId(input.trackId);
      if (!row || !belongsToTicket(row, input.email)) throw portalTicketNotFound();
      await sessions.grantTicket(visitor, row.id);
      return { ticket: await present(row.id) };
    },

    /** The signed link of the emails: the signature stands for the address. */
    async openBySignature(
      visitor: Visitor,
      input: PortalSessionLinkInput,
    ): Promise<PortalTicketSessionResult> {
      const row = await access.findByTrackId(input.trackId);
      if (!row || !links.verifyTicketSignature(row.track_id, input.sig)) throw portalTicketNotFound();
      await sessions.grantTicket(visitor, row.id);
      return { ticket: await present(row.id) };
    },

    /** The personalized link of a third party: the session now sees all its tickets. */
    async openByCustomerToken(visitor: Visitor, input: PortalSessionCustomerInput): Promise<PortalCustomer> {
      const link = await repo.findLinkByHash(sha256(input.token));
      if (!link) throw notFound('portal_link_not_found', 'This link is unknown or no longer valid');
      await sessions.grantThirdparty(visitor, link.thirdparty_id);
      return customer(visitor);
    },

    customer,
  };
}

export type PortalService = ReturnType<typeof createPortalService>;

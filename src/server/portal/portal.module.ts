import type { AccountRepository } from '../auth/account.repository.js';
import type { AuditRepository } from '../admin/audit.repository.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { CustomerService } from '../customers/customer.service.js';
import type { Db } from '../db/database.js';
import type { DictionaryService } from '../dictionaries/dictionary.service.js';
import type { DocumentService } from '../documents/document.service.js';
import type { JobQueue } from '../jobs/job.queue.js';
import type { MailService } from '../mail/mail.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { TicketServiceDeps } from '../tickets/ticket.core.js';
import type { CustomerTickets } from '../tickets/ticket.customer.js';
import type { CustomFieldDefinitions } from '../tickets/ticket.customfields.js';
import { createPortalAccess } from './portal.access.js';
import { createPortalCaptcha } from './portal.captcha.js';
import { createPortalCustomerLinks } from './portal.customer-link.service.js';
import type { PortalLinks } from './portal.links.js';
import { createPortalQuota } from './portal.quota.js';
import { createPortalRepository } from './portal.repository.js';
import { createPortalService } from './portal.service.js';
import { createPortalSessions } from './portal.session.js';
import { createPortalTickets } from './portal.tickets.js';

/** Every portal service, wired once from the application's services (app.ts spreads the result). */
export function createPortalServices(deps: {
  db: Db;
  clock: Clock;
  config: Config;
  secrets: SecretBox;
  accounts: AccountRepository;
  audit: AuditRepository;
  jobs: JobQueue;
  mail: MailService;
  settings: SettingsService;
  dictionaries: DictionaryService;
  customers: CustomerService;
  documents: DocumentService;
  equipment: TicketServiceDeps['equipment'];
  portalLinks: PortalLinks;
  /** The customer commands of the tickets domain, shared with incoming mail. */
  customerTickets: CustomerTickets;
  /** The custom field definitions (the portal form and the ticket view). */
  customFieldDefs: CustomFieldDefinitions;
}) {
  const { db, clock, config, secrets, settings, dictionaries, customers } = deps;
  const repo = createPortalRepository(db);
  const { customerTickets } = deps;
  const portalAccess = createPortalAccess({ repo, settings });
  const portalSessions = createPortalSessions({ repo, clock });
  const portal = createPortalService({
    repo,
    access: portalAccess,
    sessions: portalSessions,
    captcha: createPortalCaptcha({ secrets, repo, clock }),
    quota: createPortalQuota({ repo, settings, clock }),
    links: deps.portalLinks,
    settings,
    dictionaries,
    customers,
    customerTickets,
    customFieldDefs: deps.customFieldDefs,
    clock,
  });
  const portalTickets = createPortalTickets({
    repo,
    access: portalAccess,
    settings,
    documents: deps.documents,
    customerTickets,
    customFieldDefs: deps.customFieldDefs,
    config,
  });
  const portalCustomerLinks = createPortalCustomerLinks({
    db,
    repo,
    secrets,
    links: deps.portalLinks,
    audit: deps.audit,
    mail: deps.mail,
    clock,
  });
  return { customerTickets, portal, portalTickets, portalAccess, portalSessions, portalCustomerLinks };
}

export type PortalServices = ReturnType<typeof createPortalServices>;

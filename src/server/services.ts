import { createGroupService } from './admin/group.service.js';
import { createUserService } from './admin/user.service.js';
import { createAuthService } from './auth/auth.service.js';
import { createAccountRepository } from './auth/account.repository.js';
import { createSessionRepository } from './auth/session.repository.js';
import { createAuditRepository } from './admin/audit.repository.js';
import { systemClock, type Clock } from './clock.js';
import { createSecretBox, loadMasterKey } from './crypto/secret-box.js';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { createJobQueue } from './jobs/job.queue.js';
import { JobRunner } from './jobs/job.runner.js';
import { createMailService } from './mail/mail.service.js';
import { createSettingsService } from './settings/settings.service.js';
import { registerMailJobs } from './mail/mail.jobs.js';
import type { MailTransport } from './mail/mail.transport.js';
import { registerTicketJobs } from './tickets/ticket.jobs.js';
import { createTicketService } from './tickets/ticket.service.js';
import { createCustomerTickets } from './tickets/ticket.customer.js';
import { registerDocumentJobs } from './documents/document.jobs.js';
import { createDocumentService } from './documents/document.service.js';
import { createDictionaryService } from './dictionaries/dictionary.service.js';
import { createCustomFieldCache } from './customfields/customfield.cache.js';
import { createCustomFieldRepository } from './customfields/customfield.repository.js';
import { createCustomFieldService } from './customfields/customfield.service.js';
import { createCustomerService } from './customers/customer.service.js';
import { createTicketExportService } from './tickets/ticket.export.service.js';
import { createTicketListService } from './tickets/ticket.list.service.js';
import { createTicketStatsService } from './tickets/ticket.stats.service.js';
import { createPortalLinks } from './portal/portal.links.js';
import { createMailCollector } from './inbox/inbox.collector.js';
import { createMailIngest } from './inbox/inbox.ingest.js';
import { createCollectorLease, createCollectorReport, ownAddresses } from './inbox/inbox.lease.js';
import { createInboxRepository } from './inbox/inbox.repository.js';
import { createInboxService } from './inbox/inbox.service.js';
import { createMailSettingsService } from './mail/mail.settings.js';
import { createMailTransports } from './mail/mail.transports.js';
import { createTicketMailer, registerTicketMailJobs } from './mail/ticket-mail.handler.js';
import { createTicketMailService } from './mail/ticket-mail.service.js';
// <imports:mail>
import { createNotificationHandler, registerNotificationJobs } from './notifications/notification.handler.js';
import { createNotificationService } from './notifications/notification.service.js';
// <imports:notifications>
import { createPortalServices } from './portal/portal.module.js';
// <imports:portal>
import {
  createEquipment,
  createFieldservice,
  registerFieldserviceJobs,
} from './fieldservice/fieldservice.service.js';
// <imports:fieldservice>

export interface AppDeps {
  config: Config;
  db: Db;
  clock?: Clock;
  /** Replaces the SMTP transport built from the configuration. */
  mailTransport?: MailTransport | null;
}

/** Every service, wired once. The job runner and the HTTP app are built from it. */
export function createServices(deps: AppDeps) {
  const { config, db } = deps;
  const clock = deps.clock ?? systemClock;
  const secrets = createSecretBox(loadMasterKey(config));
  const accounts = createAccountRepository(db);
  const audit = createAuditRepository(db);
  const jobs = createJobQueue(db, clock);
  const mail = createMailService({ db, clock, jobs, config });
  const sessions = createSessionRepository(db);
  const auth = createAuthService({ db, accounts, sessions, clock, config });
  const users = createUserService({ db, accounts, audit, auth, clock, config, jobs });
  const groups = createGroupService({ db, accounts, audit, clock });
  const settings = createSettingsService({ db, audit, clock, secrets });
  const dictionaries = createDictionaryService({ db, audit, clock, jobs });
  // Custom field definitions: one cached copy per process, read by tickets, the list and the portal,
  // dropped by the custom field service after each of its writes.
  const customFieldRepo = createCustomFieldRepository(db);
  const customFieldDefs = createCustomFieldCache(customFieldRepo);
  const customFields = createCustomFieldService({
    db,
    audit,
    clock,
    repo: customFieldRepo,
    cache: customFieldDefs,
  });
  const customers = createCustomerService({ db, audit, clock, jobs });
  const documents = createDocumentService({ db, clock, settings, config, jobs });
  // Field service equipment: the tickets domain checks a ticket's equipment through it (SPEC 6).
  const equipment = createEquipment({ db, clock, settings, accounts });
  const tickets = createTicketService({
    db,
    clock,
    dictionaries,
    customers,
    equipment,
    customFieldDefs,
    accounts,
    settings,
    jobs,
    audit,
  });
  const ticketList = createTicketListService({ db, clock, settings, secrets, customFieldDefs });
  const ticketStats = createTicketStatsService({ db, clock, settings });
  const ticketExport = createTicketExportService({ list: ticketList, clock, customFieldDefs });
  const portalLinks = createPortalLinks({ secrets, settings, config });
  // <tickets-domain-services>
  // A transport given by the caller (tests) wins; null or none falls back to the settings, then the env.
  const mailTransports = createMailTransports({ config, settings, secrets, override: deps.mailTransport });
  const mailSettings = createMailSettingsService({
    settings,
    transports: mailTransports,
    portalLinks,
    config,
  });
  const ticketMailer = createTicketMailer({ db, clock, mail, settings, portalLinks });
  const ticketMail = createTicketMailService({ db, mail, tickets });
  // <services:mail>
  const notifications = createNotificationService({ db, clock });
  const notificationHandler = createNotificationHandler({ db, clock, accounts, settings, mail, config });
  // <services:notifications>
  const customerTickets = createCustomerTickets({
    db,
    clock,
    dictionaries,
    customers,
    accounts,
    equipment,
    customFieldDefs,
    settings,
    jobs,
    audit,
  });
  const portalServices = createPortalServices({
    db,
    clock,
    config,
    secrets,
    accounts,
    audit,
    jobs,
    mail,
    settings,
    dictionaries,
    customers,
    documents,
    equipment,
    portalLinks,
    customerTickets,
    customFieldDefs,
  });
  // <services:portal>
  const inboxRepo = createInboxRepository(db);
  const mailIngest = createMailIngest({
    db,
    clock,
    settings,
    repo: inboxRepo,
    customerTickets,
    documents,
    ownAddresses: async () => ownAddresses(await settings.get('mail.from'), config.mailFrom, mail.from),
  });
  const inbox = createInboxService({ clock, config, settings, secrets, repo: inboxRepo, ingest: mailIngest });
  // The worker starts it (main.ts): one collector per mailbox across processes, by the lease.
  const mailCollector = createMailCollector({
    account: () => inbox.account(),
    ingest: async (raw, mailbox) => {
      await mailIngest.ingest(raw, mailbox);
    },
    lease: createCollectorLease(inboxRepo, clock),
    report: createCollectorReport(inboxRepo),
    clock,
    // Failures also show on the Email settings page; the log is for the operator's journal.
    log: (level, message) => {
      if (level !== 'info' && config.logLevel !== 'silent') console.error(`guichet: ${message}`);
    },
  });
  const fieldservice = createFieldservice({ db, clock, settings, accounts });
  // <services:fieldservice>
  const runner = new JobRunner({ db, clock, pollMs: config.jobPollMs });
  registerMailJobs(runner, { mail, routing: mailTransports });
  registerDocumentJobs(runner, { documents });
  registerTicketJobs(runner, { tickets });
  // <tickets-domain-jobs>
  registerTicketMailJobs(runner, { ticketMailer });
  // <jobs:mail>
  registerNotificationJobs(runner, { handler: notificationHandler });
  // <jobs:notifications>
  // <jobs:portal>
  registerFieldserviceJobs(runner, { fieldservice });
  // <jobs:fieldservice>
  return {
    config,
    db,
    clock,
    secrets,
    accounts,
    audit,
    jobs,
    mail,
    auth,
    users,
    groups,
    settings,
    dictionaries,
    customFields,
    customFieldDefs,
    customers,
    documents,
    tickets,
    ticketList,
    ticketStats,
    ticketExport,
    portalLinks,
    // <tickets-domain-exports>
    mailTransports,
    mailSettings,
    ticketMailer,
    ticketMail,
    // <exports:mail>
    notifications,
    notificationHandler,
    // <exports:notifications>
    ...portalServices,
    // <exports:portal>
    inbox,
    mailIngest,
    mailCollector,
    equipment,
    fieldservice,
    // <exports:fieldservice>
    runner,
  };
}

export type Services = ReturnType<typeof createServices>;

import { LANGUAGES, DEFAULT_LANGUAGE, type Language } from '../../common/languages.js';
import { templateKey, type MailTemplateValue, type TemplateName } from '../../common/mail.templates.js';
import type { Settings } from '../../common/settings.js';
import { renderMail, renderMessageMail, type RenderedMail, type TemplateValues } from './mail.render.js';
import type { TicketMailContext } from './ticket-mail.repository.js';

const STATUS_LABELS: Record<Language, Record<string, string>> = {
  fr: {
    unread: 'non lue',
    read: 'lue',
    assigned: 'assignée',
    in_progress: 'en cours',
    waiting: 'en attente de votre réponse',
    closed: 'clôturée',
    deleted: 'supprimée',
    solved: 'résolue',
    abandoned: 'abandonnée',
  },
  en: {
    unread: 'unread',
    read: 'read',
    assigned: 'assigned',
    in_progress: 'in progress',
    waiting: 'waiting for your answer',
    closed: 'closed',
    deleted: 'deleted',
    solved: 'solved',
    abandoned: 'abandoned',
  },
};
/** The status as the customer reads it; a closed ticket says how (solved or abandoned). */
export function statusLabel(
  ticket: Pick<TicketMailContext, 'status' | 'resolution'>,
  lang: Language,
): string {
  const labels = STATUS_LABELS[lang];
  if (ticket.status === 'closed' && ticket.resolution) return labels[ticket.resolution] ?? ticket.resolution;
  return labels[ticket.status] ?? ticket.status;
}

/**
 * The customer's language: contacts and third parties store none yet, so the ticket's (set by the portal
 * and incoming mail), else the default.
 */
export function languageOf(ticket: Pick<TicketMailContext, 'language'>): Language {
  return (LANGUAGES as readonly string[]).includes(ticket.language ?? '')
    ? (ticket.language as Language)
    : DEFAULT_LANGUAGE;
}

/** Who hears from us about a ticket: the contact, else the reporter, else the third party (SPEC 2.6). */
export function customerAddress(ticket: TicketMailContext): string | null {
  return ticket.contactEmail || ticket.authorEmail || ticket.thirdpartyEmail || null;
}

export function customerName(ticket: TicketMailContext, to: string | null): string {
  return ticket.contactName || ticket.thirdpartyName || to || '';
}

export function templateOf(settings: Settings, name: TemplateName, lang: Language): MailTemplateValue {
  return settings[templateKey(name, lang)];
}

export interface ComposeInput {
  settings: Settings;
  ticket: TicketMailContext;
  lang: Language;
  to: string | null;
  link: string;
  assigneeName?: string | null;
}

export function valuesFor(input: ComposeInput): TemplateValues {
  const { ticket, lang, settings } = input;
  return {
    ref: ticket.ref,
    trackId: ticket.trackId,
    subject: ticket.subject,
    link: input.link,
    customerName: customerName(ticket, input.to),
    assigneeName: input.assigneeName ?? ticket.assigneeName ?? '',
    status: statusLabel(ticket, lang),
    supportAddress: settings['mail.from'],
  };
}

/** A whole mail from one of the subject + body templates. */
export function composeNotice(
  name: 'confirmation' | 'assignNotice' | 'closeNotice',
  input: ComposeInput,
): RenderedMail {
  return renderMail(
    templateOf(input.settings, name, input.lang),
    valuesFor(input),
    input.ticket.ref,
    input.lang,
  );
}

/** A staff message by email: intro + message + signature, subject `[ref] <ticket subject>`. */
export function composeMessage(input: ComposeInput, message: { html: string; text: string }): RenderedMail {
  const { settings, lang, ticket } = input;
  return renderMessageMail(
    {
      intro: templateOf(settings, 'messageIntro', lang).body,
      signature: templateOf(settings, 'signature', lang).body,
    },
    message,
    valuesFor(input),
    ticket.subject,
    ticket.ref,
    lang,
  );
}

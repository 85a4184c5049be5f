import type { Language } from '../../common/languages.js';
import type { NotificationKind } from '../db/schema.js';

/** What a notification email says; everything is plain text, escaped here for the HTML part. */
export interface NotificationMailInput {
  language: Language;
  kind: NotificationKind;
  ticketRef: string;
  ticketSubject: string;
  /** Who acted; null when unknown (then the sentence does without). */
  actorName: string | null;
  /** Start of the customer's message (`message` only). */
  excerpt: string | null;
  /** The ticket in the staff app. */
  link: string;
}

export interface NotificationMail {
  subject: string;
  text: string;
  html: string;
}

interface Texts {
  subject: Record<NotificationKind, string>;
  lead: (kind: NotificationKind, ref: string, actor: string | null) => string;
  subjectLine: string;
  quote: (text: string) => string;
  /** Link text of the HTML part; `openLine` precedes the address in the plain-text part. */
  open: string;
  openLine: string;
  footer: string;
}

// French typography: a no-break space before « : ».
const NBSP = '\u00a0';

const TEXTS: Record<Language, Texts> = {
  fr: {
    subject: {
      created: `Nouveau ticket${NBSP}:`,
      message: `Nouveau message du client${NBSP}:`,
      assigned: `Ticket qui vous est assigné${NBSP}:`,
    },
    lead: (kind, ref, actor) => {
      switch (kind) {
        case 'created':
          return actor ? `${actor} a ouvert le ticket ${ref}.` : `Le ticket ${ref} vient d’être ouvert.`;
        case 'message':
          return `${actor ?? 'Le client'} a écrit sur le ticket ${ref}${NBSP}:`;
        case 'assigned':
          return actor ? `${actor} vous a assigné le ticket ${ref}.` : `Le ticket ${ref} vous a été assigné.`;
      }
    },
    subjectLine: `Sujet${NBSP}:`,
    quote: (text) => `«${NBSP}${text}${NBSP}»`,
    open: 'Ouvrir le ticket',
    openLine: `Ouvrir le ticket${NBSP}:`,
    footer:
      'Vous recevez cet e-mail parce que les notifications par e-mail sont activées sur votre compte Guichet. ' +
      `Pour ne plus les recevoir, désactivez «${NBSP}M’envoyer mes notifications par e-mail${NBSP}» dans le menu de votre compte.`,
  },
  en: {
    subject: {
      created: 'New ticket:',
      message: 'New message from the customer:',
      assigned: 'Ticket assigned to you:',
    },
    lead: (kind, ref, actor) => {
      switch (kind) {
        case 'created':
          return actor ? `${actor} opened ticket ${ref}.` : `Ticket ${ref} was just opened.`;
        case 'message':
          return `${actor ?? 'The customer'} wrote on ticket ${ref}:`;
        case 'assigned':
          return actor ? `${actor} assigned ticket ${ref} to you.` : `Ticket ${ref} was assigned to you.`;
      }
    },
    subjectLine: 'Subject:',
    quote: (text) => `“${text}”`,
    open: 'Open the ticket',
    openLine: 'Open the ticket:',
    footer:
      'You receive this email because email notifications are turned on for your Guichet account. ' +
      'To stop them, turn off “Email me my notifications” in your account menu.',
  },
};

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The start of a message for an email or a list: one paragraph, at most `max` characters. */
export function excerptOf(text: string, max = 300): string {
  const flat = oneLine(text);
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Subject with the ref (`[TS2611-0042] …`, SPEC 5), plain-text and HTML parts, in the user's language. */
export function notificationMail(input: NotificationMailInput): NotificationMail {
  const t = TEXTS[input.language];
  const ticketSubject = oneLine(input.ticketSubject);
  const actor = input.actorName ? oneLine(input.actorName) : null;
  const lead = t.lead(input.kind, input.ticketRef, actor);
  const subject = `[${input.ticketRef}] ${t.subject[input.kind]} ${ticketSubject}`;

  const text = [
    lead,
    '',
    `${t.subjectLine} ${ticketSubject}`,
    ...(input.excerpt ? ['', t.quote(input.excerpt)] : []),
    '',
    `${t.openLine} ${input.link}`,
    '',
    '-- ',
    t.footer,
    '',
  ].join('\n');

  const p = 'margin:0 0 12px 0;';
  const html = [
    '<!doctype html>',
    `<html lang="${input.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2933;">',
    `<p style="${p}">${escapeHtml(lead)}</p>`,
    `<p style="${p}"><strong>${escapeHtml(t.subjectLine)}</strong> ${escapeHtml(ticketSubject)}</p>`,
    input.excerpt
      ? `<blockquote style="margin:0 0 12px 0;padding:8px 12px;border-left:3px solid #ced4da;color:#495057;">${escapeHtml(input.excerpt)}</blockquote>`
      : '',
    `<p style="${p}"><a href="${escapeHtml(input.link)}" style="display:inline-block;padding:8px 14px;border-radius:6px;background:#1c7ed6;color:#ffffff;text-decoration:none;">${escapeHtml(t.open)}</a></p>`,
    `<p style="margin:24px 0 0 0;font-size:12px;color:#868e96;">${escapeHtml(t.footer)}</p>`,
    '</body></html>',
  ].join('\n');

  return { subject, text, html };
}

import { z } from 'zod';
import type { Language } from './languages.js';

/**
 * Customer mail templates (SPEC 5): their names, placeholders and defaults. Each is a setting
 * `templates.<name>.<lang>` (see settings.ts), plain text with `{placeholder}`s; the server renders the
 * plain-text part as is and the HTML part escaped, paragraph by paragraph.
 */
export const TEMPLATE_NAMES = [
  'confirmation',
  'messageIntro',
  'signature',
  'assignNotice',
  'closeNotice',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** Templates that are whole mails (subject + body); the others are parts of the staff message mail. */
export const TEMPLATES_WITH_SUBJECT: readonly TemplateName[] = [
  'confirmation',
  'assignNotice',
  'closeNotice',
];
export const hasSubject = (name: TemplateName): boolean => TEMPLATES_WITH_SUBJECT.includes(name);

export const TEMPLATE_PLACEHOLDERS = [
  'ref',
  'trackId',
  'subject',
  'link',
  'customerName',
  'assigneeName',
  'status',
  'supportAddress',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

const singleLine = (s: string) => !/[\r\n]/.test(s);

/** A whole mail: the subject is one line (a line break would be header injection) and never empty. */
export const mailTemplateSchema = z.strictObject({
  subject: z.string().trim().min(1).max(255).refine(singleLine, 'The subject must be a single line'),
  body: z.string().trim().min(1).max(20_000),
});
/** A part of a mail (intro, signature): may be empty to leave it out. */
export const mailFragmentSchema = z.strictObject({ body: z.string().max(20_000) });

export type MailTemplateValue = { subject?: string; body: string };

const nbsp = '\u00a0';

/** Good defaults, used until an administrator edits them. French typography: no-break space before « : ». */
export const TEMPLATE_DEFAULTS = {
  confirmation: {
    fr: {
      subject: `[{ref}] Demande reçue${nbsp}: {subject}`,
      body: `Bonjour {customerName},

Nous avons bien reçu votre demande «${nbsp}{subject}${nbsp}». Elle est enregistrée sous la référence {ref}.

Suivez-la et répondez-nous à tout moment depuis ce lien${nbsp}:
{link}

Votre clé de suivi${nbsp}: {trackId}

Vous pouvez aussi répondre directement à ce message.
L’équipe d’assistance`,
    },
    en: {
      subject: '[{ref}] Request received: {subject}',
      body: `Hello {customerName},

We have received your request “{subject}”. Its reference is {ref}.

Follow it and answer us at any time from this link:
{link}

Your tracking key: {trackId}

You can also simply reply to this message.
The support team`,
    },
  },
  messageIntro: {
    fr: {
      body: `Bonjour {customerName},\n\nVoici une réponse à votre demande {ref} «${nbsp}{subject}${nbsp}»${nbsp}:`,
    },
    en: { body: 'Hello {customerName},\n\nHere is an answer to your request {ref} “{subject}”:' },
  },
  signature: {
    fr: {
      body: `Cordialement,\nL’équipe d’assistance\n\nPour nous répondre, répondez simplement à ce message, ou suivez votre demande ici${nbsp}: {link}`,
    },
    en: {
      body: 'Kind regards,\nThe support team\n\nTo answer, simply reply to this message, or follow your request here: {link}',
    },
  },
  assignNotice: {
    fr: {
      subject: '[{ref}] Votre demande est prise en charge',
      body: `Bonjour {customerName},

Votre demande «${nbsp}{subject}${nbsp}» ({ref}) est maintenant suivie par {assigneeName}.

Suivre votre demande${nbsp}: {link}

L’équipe d’assistance`,
    },
    en: {
      subject: '[{ref}] Your request is being handled',
      body: `Hello {customerName},

Your request “{subject}” ({ref}) is now handled by {assigneeName}.

Follow your request: {link}

The support team`,
    },
  },
  closeNotice: {
    fr: {
      subject: `[{ref}] Demande clôturée${nbsp}: {subject}`,
      body: `Bonjour {customerName},

Votre demande «${nbsp}{subject}${nbsp}» ({ref}) est clôturée${nbsp}: {status}.

Si quelque chose n’est pas réglé, répondez simplement à ce message.
Consulter votre demande${nbsp}: {link}

L’équipe d’assistance`,
    },
    en: {
      subject: '[{ref}] Request closed: {subject}',
      body: `Hello {customerName},

Your request “{subject}” ({ref}) is closed: {status}.

If anything is still wrong, simply reply to this message.
See your request: {link}

The support team`,
    },
  },
} as const satisfies Record<TemplateName, Record<Language, MailTemplateValue>>;

/** The setting key of a template in one language. */
export const templateKey = (name: TemplateName, language: Language) =>
  `templates.${name}.${language}` as const;

/** The mail settings (SPEC 7, Email page), spread into the registry of settings.ts. */
const bool = z.boolean();
const full = (name: 'confirmation' | 'assignNotice' | 'closeNotice', language: Language) => ({
  schema: mailTemplateSchema,
  default: TEMPLATE_DEFAULTS[name][language] as MailTemplateValue & { subject: string },
});
const part = (name: 'messageIntro' | 'signature', language: Language) => ({
  schema: mailFragmentSchema,
  default: TEMPLATE_DEFAULTS[name][language] as { body: string },
});
const optionalEmail = z.union([z.literal(''), z.string().trim().max(254).pipe(z.email())]);

export const MAIL_SETTINGS = {
  'mail.smtp.host': {
    schema: z
      .string()
      .trim()
      .max(253)
      .regex(/^[^\s/:@]*$/, 'A host name, without scheme or port'),
    default: '',
  },
  'mail.smtp.port': { schema: z.number().int().min(1).max(65535), default: 587 },
  'mail.smtp.security': {
    schema: z.enum(['tls', 'starttls', 'none']),
    default: 'starttls' as 'tls' | 'starttls' | 'none',
  },
  'mail.smtp.user': { schema: z.string().max(254), default: '' },
  /** Stored sealed with the master key; the API only tells whether it is set. */
  'mail.smtp.password': { schema: z.string().max(1000), default: '', secret: true },
  /** The support address: From and Reply-To of customer mail. */
  'mail.from': { schema: optionalEmail, default: '' },
  'mail.fromName': { schema: z.string().trim().max(100).refine(singleLine), default: '' },
  'mail.noticeOnAssign': { schema: bool, default: false },
  /** Default of "notify the customer" in the close dialog. */
  'mail.noticeOnClose': { schema: bool, default: false },
  'templates.confirmation.fr': full('confirmation', 'fr'),
  'templates.confirmation.en': full('confirmation', 'en'),
  'templates.messageIntro.fr': part('messageIntro', 'fr'),
  'templates.messageIntro.en': part('messageIntro', 'en'),
  'templates.signature.fr': part('signature', 'fr'),
  'templates.signature.en': part('signature', 'en'),
  'templates.assignNotice.fr': full('assignNotice', 'fr'),
  'templates.assignNotice.en': full('assignNotice', 'en'),
  'templates.closeNotice.fr': full('closeNotice', 'fr'),
  'templates.closeNotice.en': full('closeNotice', 'en'),
} as const;

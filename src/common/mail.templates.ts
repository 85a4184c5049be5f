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

type Security = 'tls' | 'starttls' | 'none';
/** A mail server's settings (SMTP out, IMAP in): the same five, under `mail.<protocol>.`. */
const server = <P extends string>(protocol: P, port: number, security: Security) =>
  ({
    [`mail.${protocol}.host`]: {
      schema: z
        .string()
        .trim()
        .max(253)
        .regex(/^[^\s/:@]*$/, 'A host name, without scheme or port'),
      default: '',
    },
    [`mail.${protocol}.port`]: { schema: z.number().int().min(1).max(65535), default: port },
    [`mail.${protocol}.security`]: {
      schema: z.enum(['tls', 'starttls', 'none']),
      default: security,
    },
    [`mail.${protocol}.user`]: { schema: z.string().max(254), default: '' },
    /** Stored sealed with the master key; the API only tells whether it is set. */
    [`mail.${protocol}.password`]: { schema: z.string().max(1000), default: '', secret: true },
  }) as ServerSettings<P>;
type ServerSettings<P extends string> = {
  [K in `mail.${P}.host`]: { schema: z.ZodString; default: string };
} & { [K in `mail.${P}.port`]: { schema: z.ZodNumber; default: number } } & {
  [K in `mail.${P}.security`]: {
    schema: z.ZodEnum<{ tls: 'tls'; starttls: 'starttls'; none: 'none' }>;
    default: Security;
  };
} & { [K in `mail.${P}.user`]: { schema: z.ZodString; default: string } } & {
  [K in `mail.${P}.password`]: { schema: z.ZodString; default: string; secret: true };
};

export const MAIL_SETTINGS = {
  ...server('smtp', 587, 'starttls'),
  /** The support address: From and Reply-To of customer mail. */
  'mail.from': { schema: optionalEmail, default: '' },
  'mail.fromName': { schema: z.string().trim().max(100).refine(singleLine), default: '' },
  'mail.noticeOnAssign': { schema: bool, default: false },
  /** Default of "notify the customer" in the close dialog. */
  'mail.noticeOnClose': { schema: bool, default: false },
  /**
   * Incoming mail (SPEC 5): the IMAP mailbox of the support address, read by the worker. An empty host
   * leaves GUICHET_IMAP_URL (if set) in charge; both empty, nothing is collected.
   */
  ...server('imap', 993, 'tls'),
  /** The folder read; new messages are those not yet seen. */
  'mail.imap.folder': { schema: z.string().trim().min(1).max(200), default: 'INBOX' },
  /** After import: mark the message seen, or move it to `mail.imap.moveTo`. */
  'mail.imap.afterImport': {
    schema: z.enum(['seen', 'move']),
    default: 'seen' as 'seen' | 'move',
  },
  'mail.imap.moveTo': { schema: z.string().trim().max(200), default: 'Guichet' },
  /** Seconds between checks when the server offers no IDLE (and a safety check under IDLE). */
  'mail.imap.pollSeconds': { schema: z.number().int().min(10).max(3600), default: 60 },
  /** Classification of a ticket opened by email; empty means the dictionaries' defaults. */
  'mail.incoming.typeCode': { schema: z.string().max(32), default: '' },
  'mail.incoming.categoryCode': { schema: z.string().max(32), default: '' },
  'mail.incoming.severityCode': { schema: z.string().max(32), default: '' },
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

import crypto from 'node:crypto';
import type { Language } from '../../common/languages.js';
import {
  TEMPLATE_DEFAULTS,
  TEMPLATE_NAMES,
  TEMPLATE_PLACEHOLDERS,
  hasSubject,
  templateKey,
  type TemplateName,
} from '../../common/mail.templates.js';
import type {
  MailPreview,
  MailPreviewInput,
  MailTemplates,
  MailTemplatesUpdate,
} from '../../common/schemas/mail.schema.js';
import type { Settings } from '../../common/settings.js';
import { requirePermission, type Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import { AppError } from '../http/errors.js';
import type { PortalLinks } from '../portal/portal.links.js';
import type { SettingsService } from '../settings/settings.service.js';
import { renderPart } from './mail.render.js';
import { AUTO_SUBMITTED } from './mail.service.js';
import type { MailTransports } from './mail.transports.js';
import { composeMessage, composeNotice, type ComposeInput } from './ticket-mail.compose.js';
import type { TicketMailContext } from './ticket-mail.repository.js';

export interface MailSettingsDeps {
  settings: Pick<SettingsService, 'all' | 'update'>;
  transports: Pick<MailTransports, 'resolve'>;
  portalLinks: Pick<PortalLinks, 'ticketLink'>;
  config: Pick<Config, 'publicUrl'>;
}

const TEST_MAIL = {
  fr: {
    subject: 'Guichet : email de test',
    text: 'Cet email de test confirme que Guichet peut envoyer des emails avec les réglages actuels.',
  },
  en: {
    subject: 'Guichet: test email',
    text: 'This test email confirms that Guichet can send email with the current settings.',
  },
} as const;

/** The ticket the preview talks about. */
const SAMPLE: Record<Language, { ticket: TicketMailContext; message: string; assignee: string }> = {
  fr: {
    ticket: sampleTicket('Imprimante bloquée au 2e étage', 'Camille Martin', 'Atelier Dupont'),
    message: 'Nous avons commandé la pièce ; le technicien passera jeudi matin.',
    assignee: 'Léa Moreau',
  },
  en: {
    ticket: sampleTicket('Printer jammed on the 2nd floor', 'Sam Taylor', 'Taylor & Sons'),
    message: 'We have ordered the part; the technician will come on Thursday morning.',
    assignee: 'Alex Morgan',
  },
};

function sampleTicket(subject: string, contactName: string, thirdpartyName: string): TicketMailContext {
  return {
    id: 0,
    ref: 'TS2611-0042',
    trackId: 'K7M2P9Q4R8T3V6X1',
    subject,
    status: 'closed',
    resolution: 'solved',
    origin: 'portal',
    authorEmail: 'customer@example.com',
    language: null,
    assigneeId: null,
    assigneeName: null,
    contactName,
    contactEmail: 'customer@example.com',
    thirdpartyName,
    thirdpartyEmail: null,
  };
}

/** The Email settings page's own actions: test email, templates and their preview (SPEC 5, 7). */
export function createMailSettingsService(deps: MailSettingsDeps) {
  const { settings, transports, portalLinks, config } = deps;
  const host = new URL(config.publicUrl).hostname;

  function templatesOf(s: Settings): MailTemplates {
    return {
      placeholders: [...TEMPLATE_PLACEHOLDERS],
      templates: TEMPLATE_NAMES.map((name) => ({
        name,
        hasSubject: hasSubject(name),
        values: { fr: s[templateKey(name, 'fr')], en: s[templateKey(name, 'en')] },
        defaults: { fr: TEMPLATE_DEFAULTS[name].fr, en: TEMPLATE_DEFAULTS[name].en },
      })),
    };
  }

  return {
    /** Sends a test email now, through the transport mail would use; the server's refusal is the answer. */
    async sendTest(actorIn: Actor | null, to: string): Promise<{ ok: true; messageId: string }> {
      const actor = requirePermission(actorIn, 'admin');
      let route;
      try {
        route = await transports.resolve();
      } catch (err) {
        throw smtpFailed(err);
      }
      if (!route)
        throw new AppError('smtp_failed', 422, 'No SMTP server is configured', {
          details: { reason: 'not_configured' },
        });
      const text = TEST_MAIL[actor.language];
      const messageId = `<test.${crypto.randomBytes(12).toString('base64url')}@${host}>`;
      try {
        await route.transport.send({
          from: route.from,
          replyTo: route.replyTo,
          to,
          subject: text.subject,
          text: text.text + '\n',
          html: `<p>${text.text}</p>`,
          messageId,
          headers: { ...AUTO_SUBMITTED },
        });
      } catch (err) {
        throw smtpFailed(err);
      }
      return { ok: true, messageId };
    },

    async templates(actorIn: Actor | null): Promise<MailTemplates> {
      requirePermission(actorIn, 'admin');
      return templatesOf(await settings.all());
    },

    /** Saves the templates given (validated by the route), audited like any setting change. */
    async updateTemplates(actorIn: Actor | null, input: MailTemplatesUpdate): Promise<MailTemplates> {
      requirePermission(actorIn, 'admin');
      const patch: Record<string, unknown> = {};
      for (const name of TEMPLATE_NAMES) {
        for (const lang of ['fr', 'en'] as const) {
          const value = input[name]?.[lang];
          if (value) patch[templateKey(name, lang)] = value;
        }
      }
      await settings.update(actorIn, patch);
      return templatesOf(await settings.all());
    },

    /** A template rendered with sample data: the saved one, or the draft being edited. */
    async preview(actorIn: Actor | null, input: MailPreviewInput): Promise<MailPreview> {
      requirePermission(actorIn, 'admin');
      const s = await settings.all();
      const sample = SAMPLE[input.language];
      const key = templateKey(input.template, input.language);
      const saved = s[key];
      const draft = {
        ...saved,
        ...(input.body !== undefined ? { body: input.body } : {}),
        ...(input.subject !== undefined && hasSubject(input.template) ? { subject: input.subject } : {}),
      };
      const withDraft = { ...s, [key]: draft };
      const base: ComposeInput = {
        settings: withDraft,
        ticket: sample.ticket,
        lang: input.language,
        to: sample.ticket.contactEmail,
        link: await portalLinks.ticketLink(sample.ticket.trackId),
        assigneeName: sample.assignee,
      };
      const name: TemplateName = input.template;
      if (name === 'messageIntro' || name === 'signature') {
        const message = renderPart(sample.message, {});
        return composeMessage(base, message);
      }
      return composeNotice(name, base);
    },
  };
}

function smtpFailed(err: unknown): AppError {
  const reason = err instanceof Error ? err.message : String(err);
  return new AppError('smtp_failed', 422, `The SMTP server refused: ${reason}`, { details: { reason } });
}

export type MailSettingsService = ReturnType<typeof createMailSettingsService>;

import type { Language } from '../../common/languages.js';
import type {
  PortalLinkInfo,
  PortalLinkSendInput,
  PortalLinkSent,
} from '../../common/schemas/portal.schema.js';
import type { AuditRepository } from '../admin/audit.repository.js';
import { requirePermission, type Actor } from '../auth/actor.js';
import { randomSecret, sha256 } from '../auth/secrets.js';
import { iso, type Clock } from '../clock.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Db } from '../db/database.js';
import { badRequest, notFound } from '../http/errors.js';
import type { MailService } from '../mail/mail.service.js';
import { customerLinkSubject, customerLinkText } from './portal.customer-link.text.js';
import type { PortalLinks } from './portal.links.js';
import type { PortalRepository } from './portal.repository.js';

const thirdpartyNotFound = () => notFound('thirdparty_not_found', 'No such third party');
const linkNotFound = () => notFound('portal_link_not_found', 'This customer has no portal link');

/**
 * The personalized portal link of a third party (SPEC 3), managed from its page by staff.
 *
 * The token (32 random bytes) is a bearer secret. It is looked up by its SHA-256, and also kept sealed
 * with the master key (AES-GCM) because staff must be able to copy the link again later: a copy of the
 * database alone reveals no usable link, only a copy with the master key does, like every other secret
 * the server keeps. Generating again (rotate) replaces the token; revoking deletes it; both end the
 * customer access of the portal sessions the old link opened. Every change is audited.
 */
export function createPortalCustomerLinks(deps: {
  db: Db;
  repo: PortalRepository;
  secrets: Pick<SecretBox, 'seal' | 'open'>;
  links: Pick<PortalLinks, 'customerLink'>;
  audit: AuditRepository;
  mail: Pick<MailService, 'queue'>;
  clock: Clock;
}) {
  const { db, repo, secrets, links, audit, mail, clock } = deps;

  async function loadThirdparty(id: number) {
    const tp = await repo.findThirdparty(id);
    if (!tp) throw thirdpartyNotFound();
    return tp;
  }

  async function info(thirdpartyId: number, name: string): Promise<PortalLinkInfo> {
    const link = await repo.findLink(thirdpartyId);
    if (!link) return { url: null, createdAt: null, text: { fr: '', en: '' } };
    const url = await links.customerLink(secrets.open(link.token_sealed));
    return {
      url,
      createdAt: link.created_at,
      text: { fr: customerLinkText('fr', name, url), en: customerLinkText('en', name, url) },
    };
  }

  return {
    async get(actorIn: Actor | null, thirdpartyId: number): Promise<PortalLinkInfo> {
      requirePermission(actorIn, 'thirdparty.read');
      const tp = await loadThirdparty(thirdpartyId);
      return info(tp.id, tp.name);
    },

    /** Generates the link, or replaces it (the old one stops working at once). */
    async rotate(actorIn: Actor | null, thirdpartyId: number): Promise<PortalLinkInfo> {
      const actor = requirePermission(actorIn, 'thirdparty.write');
      const tp = await loadThirdparty(thirdpartyId);
      const token = randomSecret(32);
      const at = iso(clock.now());
      await db.kysely.transaction().execute(async (trx) => {
        const existed = (await repo.findLink(tp.id, trx)) !== undefined;
        await repo.upsertLink(
          {
            thirdparty_id: tp.id,
            token_hash: sha256(token),
            token_sealed: secrets.seal(token),
            created_at: at,
            created_by: actor.userId,
          },
          trx,
        );
        await repo.clearThirdpartyGrants(tp.id, trx);
        await audit.record(
          {
            actorUserId: actor.userId,
            action: existed ? 'portal_link.rotate' : 'portal_link.generate',
            targetType: 'thirdparty',
            targetId: tp.id,
            at,
          },
          trx,
        );
      });
      return info(tp.id, tp.name);
    },

    async revoke(actorIn: Actor | null, thirdpartyId: number): Promise<void> {
      const actor = requirePermission(actorIn, 'thirdparty.write');
      const tp = await loadThirdparty(thirdpartyId);
      const at = iso(clock.now());
      await db.kysely.transaction().execute(async (trx) => {
        if (!(await repo.deleteLink(tp.id, trx))) throw linkNotFound();
        await repo.clearThirdpartyGrants(tp.id, trx);
        await audit.record(
          {
            actorUserId: actor.userId,
            action: 'portal_link.revoke',
            targetType: 'thirdparty',
            targetId: tp.id,
            at,
          },
          trx,
        );
      });
    },

    /**
     * Queues the ready-to-send text by email to `to` or the third party's address, in `language`, or in
     * both languages when none is given.
     */
    async send(
      actorIn: Actor | null,
      thirdpartyId: number,
      input: PortalLinkSendInput,
    ): Promise<PortalLinkSent> {
      const actor = requirePermission(actorIn, 'thirdparty.write');
      const tp = await loadThirdparty(thirdpartyId);
      const current = await info(tp.id, tp.name);
      if (!current.url) throw linkNotFound();
      const to = input.to ?? tp.email;
      if (!to) throw badRequest('This customer has no email address: give one in "to"');
      const languages: Language[] = input.language ? [input.language] : ['fr', 'en'];
      const text = languages.map((l) => current.text[l]).join('\n\n— — —\n\n');
      const subject = languages.map((l) => customerLinkSubject[l]).join(' / ');
      const at = iso(clock.now());
      await db.kysely.transaction().execute(async (trx) => {
        await mail.queue(trx, { to, subject, text, messageIdPrefix: `portal-link-${tp.id}` });
        await audit.record(
          {
            actorUserId: actor.userId,
            action: 'portal_link.send',
            targetType: 'thirdparty',
            targetId: tp.id,
            details: { to, languages },
            at,
          },
          trx,
        );
      });
      return { to };
    },
  };
}

export type PortalCustomerLinks = ReturnType<typeof createPortalCustomerLinks>;

import type { AuditListQuery, AuditPage } from '../../common/schemas/audit.schema.js';
import { requirePermission, type Actor } from '../auth/actor.js';
import { keysetPage } from '../http/keyset-page.js';
import { presentAuditEntry } from './audit.presenter.js';
import type { AuditRepository } from './audit.repository.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/** Reading the administration audit log (writing is each command's own business, in its transaction). */
export function createAuditLogService(deps: { audit: AuditRepository }) {
  const { audit } = deps;
  return {
    /** Newest first; `total` is the exact number of rows matching the filters. Administrators only. */
    async list(actorIn: Actor | null, q: AuditListQuery): Promise<AuditPage> {
      requirePermission(actorIn, 'admin');
      const filter = { action: q.action, targetType: q.targetType, actorId: q.actorId };
      const beforeId = q.cursor ? decodeCursor(q.cursor) : undefined;
      const [rows, total] = await Promise.all([
        audit.listPage({ ...filter, beforeId, limit: q.limit + 1 }),
        audit.count(filter),
      ]);
      const { page, nextCursor } = keysetPage(rows, q.limit, (last) => encodeCursor(last.id));
      return { items: page.map(presentAuditEntry), nextCursor, total };
    },
  };
}

export type AuditLogService = ReturnType<typeof createAuditLogService>;

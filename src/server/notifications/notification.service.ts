import type {
  Notification,
  NotificationList,
  NotificationListQuery,
  ReadAllResult,
} from '../../common/schemas/notification.schema.js';
import { requireActor, type Actor } from '../auth/actor.js';
import { iso, type Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import { keysetPage } from '../http/keyset-page.js';
import { presentNotification } from './notification.presenter.js';
import { createNotificationRepository } from './notification.repository.js';

const notificationNotFound = () => notFound('notification_not_found', 'No such notification');

/** Keyset cursor: base64url of the last id shown (pages go newest first, so the next page is below it). */
const encodeCursor = (id: number): string =>
  Buffer.from(JSON.stringify({ before: id })).toString('base64url');

function decodeCursor(cursor: string): number {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { before?: unknown };
    if (typeof v.before === 'number' && Number.isSafeInteger(v.before) && v.before > 0) return v.before;
  } catch {
    // fall through to the 400 below
  }
  throw new AppError('invalid_cursor', 400, 'Invalid cursor');
}

/**
 * Each signed-in staff member's own notifications (SPEC 5): list, unread count, mark read. Nobody ever
 * reads or marks someone else's: another user's notification answers 404 as if it did not exist.
 */
export function createNotificationService(deps: { db: Db; clock: Clock }) {
  const { clock } = deps;
  const repo = createNotificationRepository(deps.db);

  return {
    async list(actorIn: Actor | null, q: NotificationListQuery): Promise<NotificationList> {
      const actor = requireActor(actorIn);
      const unread = q.unread === 'true';
      const beforeId = q.cursor ? decodeCursor(q.cursor) : undefined;
      const [rows, total, unreadCount] = await Promise.all([
        repo.listForUser({ userId: actor.userId, unread, beforeId, limit: q.limit + 1 }),
        repo.countForUser(actor.userId, unread),
        repo.countForUser(actor.userId, true),
      ]);
      const { page, nextCursor } = keysetPage(rows, q.limit, (last) => encodeCursor(last.id));
      return { items: page.map(presentNotification), nextCursor, total, unreadCount };
    },

    async unreadCount(actorIn: Actor | null): Promise<number> {
      const actor = requireActor(actorIn);
      return repo.countForUser(actor.userId, true);
    },

    /** Marks one of mine read; already read stays as it was (the first read time is kept). */
    async markRead(actorIn: Actor | null, id: number): Promise<Notification> {
      const actor = requireActor(actorIn);
      const row = await repo.markRead(id, actor.userId, iso(clock.now()));
      if (!row) throw notificationNotFound();
      return presentNotification(row);
    },

    async markAllRead(actorIn: Actor | null): Promise<ReadAllResult> {
      const actor = requireActor(actorIn);
      const updated = await repo.markAllRead(actor.userId, iso(clock.now()));
      return { updated, unreadCount: await repo.countForUser(actor.userId, true) };
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;

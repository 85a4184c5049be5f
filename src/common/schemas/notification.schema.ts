import { z } from 'zod';
import { isoDateTime, listSchema } from './common.js';

/** What the notification is about (SPEC 5): a new ticket, a customer's message, an assignment to me. */
export const NOTIFICATION_KINDS = ['created', 'message', 'assigned'] as const;
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationSchema = z
  .object({
    id: z.number().int(),
    kind: notificationKindSchema,
    ticketId: z.number().int(),
    /** Ref and subject as they were when the notification was made. */
    ticketRef: z.string(),
    ticketSubject: z.string(),
    /** Who acted: a staff member's name, or the customer's name or email; null when unknown (system). */
    actorName: z.string().nullable(),
    actorEmail: z.string().nullable(),
    /** Start of the customer's message (`message` only). */
    excerpt: z.string().nullable(),
    createdAt: isoDateTime,
    readAt: isoDateTime.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** `true`: unread ones only. */
  unread: z.enum(['true', 'false']).optional(),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

/** Newest first; `total` counts the listed set, `unreadCount` all my unread ones (the bell's number). */
export const notificationListSchema = listSchema(notificationSchema).extend({
  unreadCount: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const unreadCountSchema = z.object({ unreadCount: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

export const readAllResultSchema = z.object({
  /** How many notifications this call marked read. */
  updated: z.number().int(),
  unreadCount: z.number().int(),
});
export type ReadAllResult = z.infer<typeof readAllResultSchema>;

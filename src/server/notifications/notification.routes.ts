import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema, idParamSchema } from '../../common/schemas/common.js';
import {
  notificationListQuerySchema,
  notificationListSchema,
  notificationSchema,
  readAllResultSchema,
  unreadCountSchema,
} from '../../common/schemas/notification.schema.js';
import type { NotificationService } from './notification.service.js';

const tags = ['notifications'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

/** The signed-in user's own notifications (the bell of the staff app). */
export function registerNotificationRoutes(
  app: FastifyInstance,
  deps: { notifications: NotificationService },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { notifications } = deps;

  api.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first, with my unread count',
        querystring: notificationListQuerySchema,
        response: { 200: notificationListSchema, ...errors },
      },
    },
    async (req) => notifications.list(req.actor, req.query),
  );

  api.get(
    '/notifications/unread-count',
    {
      schema: {
        tags,
        summary: 'How many of my notifications are unread (polled by the bell)',
        response: { 200: unreadCountSchema, ...errors },
      },
    },
    async (req) => ({ unreadCount: await notifications.unreadCount(req.actor) }),
  );

  api.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: readAllResultSchema, ...errors },
      },
    },
    async (req) => notifications.markAllRead(req.actor),
  );

  api.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: idParamSchema,
        response: { 200: notificationSchema, ...errors },
      },
    },
    async (req) => notifications.markRead(req.actor, req.params.id),
  );
}

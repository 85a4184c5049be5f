import type { Me } from '../../common/schemas/auth.schema.js';
import type {
  Notification,
  NotificationList,
  ReadAllResult,
  UnreadCount,
} from '../../common/schemas/notification.schema.js';
import type { User } from '../../common/schemas/user.schema.js';
import { api } from './client.js';

export type { Notification, NotificationList };

/** Query keys: everything under ['notifications'], so one invalidation refreshes the bell and its list. */
export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  list: ['notifications', 'list'] as const,
};

export const NOTIFICATION_PAGE_SIZE = 20;

export function listNotifications(cursor: string | null): Promise<NotificationList> {
  const params = new URLSearchParams({ limit: String(NOTIFICATION_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get(`/notifications?${params.toString()}`);
}

export async function fetchUnreadCount(): Promise<number> {
  return (await api.get<UnreadCount>('/notifications/unread-count')).unreadCount;
}

export function markNotificationRead(id: number): Promise<Notification> {
  return api.post(`/notifications/${id}/read`);
}

export function markAllNotificationsRead(): Promise<ReadAllResult> {
  return api.post('/notifications/read-all');
}

/** The signed-in user's "email me my notifications" choice; answers the updated user. */
export async function setNotifyByEmail(notifyByEmail: boolean): Promise<User> {
  return (await api.patch<Me>('/auth/me', { notifyByEmail })).user;
}

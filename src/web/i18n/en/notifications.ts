import type { Catalog } from '../catalog.js';

/** Staff notifications in English: the same keys as fr/notifications.ts. */
export const notifications: Catalog['notifications'] = {
  bell: 'Notifications',
  bellUnread_one: 'Notifications: {{count}} unread',
  bellUnread_other: 'Notifications: {{count}} unread',
  title: 'Notifications',
  markAllRead: 'Mark all as read',
  markAllReadFailed: 'The notifications could not be marked as read.',
  empty: 'No notifications yet.',
  emptyHint: 'New tickets, customer messages and tickets assigned to you will show up here.',
  loadFailed: 'The notifications could not be loaded.',
  loadMore: 'Show older ones',
  unread: 'Unread',
  what: {
    created: '{{actor}} opened ticket {{ref}}',
    message: '{{actor}} wrote on ticket {{ref}}',
    assigned: '{{actor}} assigned ticket {{ref}} to you',
  },
  whatNoActor: {
    created: 'New ticket {{ref}}',
    message: 'New customer message on ticket {{ref}}',
    assigned: 'Ticket {{ref}} was assigned to you',
  },
  emailPreference: 'Email me my notifications',
  emailPreferenceOn: 'You will get your notifications by email too.',
  emailPreferenceOff: 'You will no longer get your notifications by email.',
  emailPreferenceFailed: 'Your choice could not be saved.',
};

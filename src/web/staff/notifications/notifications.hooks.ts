import { notifications as toasts } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  fetchUnreadCount,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notificationKeys,
  setNotifyByEmail,
} from '../../api/notifications.api.js';
import { sessionKey } from '../auth/session.js';

/** How often the bell asks for news; it also asks when the window gets the focus back. */
export const UNREAD_POLL_MS = 30_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unreadCount,
    queryFn: fetchUnreadCount,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

/** My notifications, newest first, page after page; fetched afresh each time the list opens. */
export function useNotificationList() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) => listNotifications(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: UNREAD_POLL_MS,
  });
}

/** Refreshes the count and the list together, so the bell's number and the highlighted rows agree. */
function useRefreshNotifications() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
}

export function useMarkRead() {
  const refresh = useRefreshNotifications();
  return useMutation({ mutationFn: markNotificationRead, onSettled: refresh });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  const refresh = useRefreshNotifications();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: (result) => queryClient.setQueryData(notificationKeys.unreadCount, result.unreadCount),
    onError: () => toasts.show({ color: 'red', message: t('notifications.markAllReadFailed') }),
    onSettled: refresh,
  });
}

/** Stores the "email me my notifications" choice on the signed-in user. */
export function useNotifyByEmail() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: setNotifyByEmail,
    onSuccess: (user) => {
      queryClient.setQueryData(sessionKey, user);
      toasts.show({
        message: t(
          user.notifyByEmail ? 'notifications.emailPreferenceOn' : 'notifications.emailPreferenceOff',
        ),
      });
    },
    onError: () => toasts.show({ color: 'red', message: t('notifications.emailPreferenceFailed') }),
  });
}

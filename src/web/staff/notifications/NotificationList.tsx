import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Loader,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Notification } from '../../api/notifications.api.js';
import { useFormat } from '../../components/format.js';
import { IconAlert, IconCheck } from '../../components/icons.js';
import { useMarkAllRead, useMarkRead, useNotificationList } from './notifications.hooks.js';

function NotificationItem({ n, onOpen }: { n: Notification; onOpen: (n: Notification) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unread = n.readAt === null;
  const values = { actor: n.actorName ?? n.actorEmail ?? '', ref: n.ticketRef };
  const what = values.actor
    ? t(`notifications.what.${n.kind}`, values)
    : t(`notifications.whatNoActor.${n.kind}`, values);
  return (
    <Box component="li" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <UnstyledButton
        onClick={() => onOpen(n)}
        w="100%"
        px="md"
        py="sm"
        data-unread={unread || undefined}
        style={{ display: 'block', background: unread ? 'var(--mantine-color-blue-0)' : undefined }}
      >
        <Group wrap="nowrap" align="flex-start" gap="sm">
          <Box
            aria-hidden
            mt={7}
            w={8}
            h={8}
            style={{
              flex: 'none',
              borderRadius: 999,
              background: unread ? 'var(--mantine-color-blue-6)' : 'transparent',
            }}
          />
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            {unread && <VisuallyHidden>{t('notifications.unread')}</VisuallyHidden>}
            <Text size="sm" fw={unread ? 600 : 400}>
              {what}
            </Text>
            <Text size="sm" c="dimmed" truncate>
              {n.ticketSubject}
            </Text>
            {n.excerpt && (
              <Text size="xs" c="dimmed" lineClamp={2}>
                {n.excerpt}
              </Text>
            )}
            <Text size="xs" c="dimmed" title={format.dateTime(n.createdAt)}>
              {format.relative(n.createdAt)}
            </Text>
          </Stack>
        </Group>
      </UnstyledButton>
    </Box>
  );
}

/** The bell's panel: my notifications, newest first, unread ones highlighted; opening one marks it read. */
export function NotificationList({
  unreadCount,
  onNavigate,
}: {
  unreadCount: number;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useNotificationList();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const open = (n: Notification) => {
    if (n.readAt === null) markRead.mutate(n.id);
    onNavigate();
    void navigate(`/tickets/${n.ticketId}`);
  };

  return (
    <Stack gap={0}>
      <Group
        justify="space-between"
        wrap="nowrap"
        px="md"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Text fw={600} component="h2" size="md" m={0}>
          {t('notifications.title')}
        </Text>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconCheck size={14} />}
          disabled={unreadCount === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      {list.isPending ? (
        <Center py="xl">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : list.isError ? (
        <Alert m="md" color="red" icon={<IconAlert />}>
          <Stack gap="xs" align="flex-start">
            {t('notifications.loadFailed')}
            <Button size="compact-sm" variant="light" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </Button>
          </Stack>
        </Alert>
      ) : items.length === 0 ? (
        <Stack align="center" gap={4} px="lg" py="xl" ta="center">
          <Text fw={500}>{t('notifications.empty')}</Text>
          <Text size="sm" c="dimmed">
            {t('notifications.emptyHint')}
          </Text>
        </Stack>
      ) : (
        <ScrollArea.Autosize mah={440} type="auto">
          <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('notifications.title')}>
            {items.map((n) => (
              <NotificationItem key={n.id} n={n} onOpen={open} />
            ))}
          </Box>
          {list.hasNextPage && (
            <Center py="xs">
              <Button
                variant="subtle"
                size="compact-sm"
                loading={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {t('notifications.loadMore')}
              </Button>
            </Center>
          )}
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

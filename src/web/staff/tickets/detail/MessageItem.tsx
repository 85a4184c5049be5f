import { Anchor, Avatar, Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.js';
import { retryMessageMail } from '../../../api/mail.api.js';
import { ticketKeys, type Message } from '../../../api/tickets.api.js';
import { useFormat } from '../../../components/format.js';
import { RichTextView } from '../../../components/RichTextView.js';
import { IconLock, IconMail, IconPaperclip } from '../../../components/ticketIcons.js';

/**
 * One message of the thread. Private notes sit on a yellow, dashed card with a lock so nobody mistakes
 * them for something the customer saw; customer messages lean left in grey, staff ones in white.
 */
export function MessageItem({ message }: { message: Message }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { author } = message;
  const name =
    author.type === 'system'
      ? t('tickets.messages.system')
      : (author.name ?? author.email ?? t('tickets.messages.customer'));
  const isCustomer = author.type === 'customer';

  return (
    <Paper
      component="article"
      aria-label={message.private ? t('tickets.messages.privateBadge') : name}
      withBorder
      radius="lg"
      p="md"
      bg={message.private ? 'yellow.0' : isCustomer ? 'gray.0' : undefined}
      style={
        message.private ? { borderStyle: 'dashed', borderColor: 'var(--mantine-color-yellow-5)' } : undefined
      }
    >
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Avatar name={name} color={isCustomer ? 'cyan' : 'initials'} radius="xl" size={34} />
          <div>
            <Group gap={6}>
              <Text fw={600} size="sm">
                {name}
              </Text>
              {isCustomer && (
                <Badge size="xs" variant="light" color="cyan" radius="sm">
                  {t('tickets.messages.customer')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed" title={format.dateTime(message.createdAt)}>
              {format.dateTime(message.createdAt)}
            </Text>
          </div>
        </Group>
        <Group gap={6}>
          {message.private && (
            <Badge color="yellow" variant="filled" radius="sm" leftSection={<IconLock size={12} />}>
              {t('tickets.messages.privateBadge')}
            </Badge>
          )}
          {message.sendByEmail && !message.delivery && (
            <Badge color="blue" variant="light" radius="sm" leftSection={<IconMail size={12} />}>
              {t('tickets.messages.emailBadge')}
            </Badge>
          )}
          {message.delivery && <DeliveryBadge message={message} />}
        </Group>
      </Group>
      {message.delivery?.status === 'failed' && <DeliveryFailure message={message} />}
      <RichTextView html={message.body} pl={46} />
      {message.attachments.length > 0 && (
        <Stack gap={4} mt="sm" pl={46}>
          {message.attachments.map((doc) => (
            <Group key={doc.id} gap={6} wrap="nowrap">
              <IconPaperclip size={14} />
              <Anchor href={doc.url} size="sm" target="_blank" rel="noopener">
                {doc.filename}
              </Anchor>
              <Text size="xs" c="dimmed">
                {format.fileSize(doc.size)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

const DELIVERY_COLORS = { queued: 'gray', retrying: 'orange', sent: 'teal', failed: 'red' } as const;

/** Where the message's email stands (SPEC 2.6); the details (attempts, date, reason) on hover. */
function DeliveryBadge({ message }: { message: Message }) {
  const { t } = useTranslation();
  const format = useFormat();
  const delivery = message.delivery;
  if (!delivery) return null;
  const details = [
    delivery.sentAt ? t('settings.delivery.sentAt', { date: format.dateTime(delivery.sentAt) }) : null,
    delivery.attempts > 0 ? t('settings.delivery.attempts', { count: delivery.attempts }) : null,
    delivery.error && delivery.status !== 'sent'
      ? t('settings.delivery.reason', { reason: reasonText(delivery.error, t) })
      : null,
  ].filter((d): d is string => d !== null);
  const badge = (
    <Badge
      color={DELIVERY_COLORS[delivery.status]}
      variant="light"
      radius="sm"
      leftSection={<IconMail size={12} />}
    >
      {t(`settings.delivery.${delivery.status}`)}
    </Badge>
  );
  return details.length > 0 ? <Tooltip label={details.join(' · ')}>{badge}</Tooltip> : badge;
}

function reasonText(error: string, t: (key: 'settings.delivery.noRecipient') => string): string {
  return error === 'no_recipient' ? t('settings.delivery.noRecipient') : error;
}

/** A failed email says why, and offers to send it again. */
function DeliveryFailure({ message }: { message: Message }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => retryMessageMail(message.ticketId, message.id),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('settings.delivery.retried') });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.messages(message.ticketId) });
    },
    onError: (err) =>
      notifications.show({
        color: 'red',
        autoClose: 8000,
        message: t('settings.delivery.retryFailed', {
          message:
            err instanceof ApiError && err.code === 'no_recipient'
              ? t('settings.delivery.noRecipient')
              : err.message,
        }),
      }),
  });
  return (
    <Group gap="sm" mb="xs" pl={46} wrap="nowrap" role="alert">
      <Text size="sm" c="red.8">
        {t('settings.delivery.reason', { reason: reasonText(message.delivery?.error ?? '', t) })}
      </Text>
      <Button
        size="compact-xs"
        variant="light"
        color="red"
        loading={retry.isPending}
        onClick={() => retry.mutate()}
      >
        {t('settings.delivery.retry')}
      </Button>
    </Group>
  );
}

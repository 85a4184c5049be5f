import { Anchor, Avatar, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../api/tickets.api.js';
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
          {message.sendByEmail && (
            <Badge color="blue" variant="light" radius="sm" leftSection={<IconMail size={12} />}>
              {t('tickets.messages.emailBadge')}
            </Badge>
          )}
        </Group>
      </Group>
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

import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchMessages, ticketKeys, type Ticket } from '../../../api/tickets.api.js';
import { useErrorText } from '../../../components/useErrorText.js';
import { MessageComposer } from './MessageComposer.js';
import { MessageItem } from './MessageItem.js';

/** The conversation, newest first and flat like a forum, with the composer on top. */
export function MessagesTab({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const messages = useQuery({
    queryKey: ticketKeys.messages(ticket.id),
    queryFn: () => fetchMessages(ticket.id),
  });
  return (
    <Stack gap="md">
      <MessageComposer ticket={ticket} />
      {messages.isPending ? (
        <Center py="xl">
          <Loader type="dots" aria-label={t('common.loading')} />
        </Center>
      ) : messages.isError ? (
        <Alert color="red">{errorText(messages.error)}</Alert>
      ) : messages.data.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t('tickets.messages.empty')}
        </Text>
      ) : (
        messages.data.map((m) => <MessageItem key={m.id} message={m} />)
      )}
    </Stack>
  );
}

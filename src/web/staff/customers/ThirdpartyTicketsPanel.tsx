import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { customerKeys, listTicketsByQuery, thirdpartyTicketsQuery } from '../../api/customers.api.js';
import { dictionaryKeys, listDictionary } from '../../api/dictionaries.api.js';
import { useFormat } from '../../components/format.js';
import { SeverityBadge } from '../../components/SeverityBadge.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { useMessageOf } from './customers.hooks.js';

/** The customer's tickets, closed ones included, newest first, 25 at a time. */
export function ThirdpartyTicketsPanel({ thirdpartyId }: { thirdpartyId: number }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const fmt = useFormat();
  const messageOf = useMessageOf();
  const tickets = useInfiniteQuery({
    queryKey: customerKeys.tickets(thirdpartyId),
    queryFn: ({ pageParam }) => listTicketsByQuery(thirdpartyTicketsQuery(thirdpartyId, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const severities = useQuery({
    queryKey: dictionaryKeys.kind('ticket-severities'),
    queryFn: () => listDictionary('ticket-severities'),
    staleTime: 5 * 60_000,
  });
  const severity = (code: string) => severities.data?.find((e) => e.code === code);

  if (tickets.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (tickets.isError) {
    return (
      <Alert color="red" role="alert" title={t('customers.tickets.loadError')}>
        {messageOf(tickets.error)}
      </Alert>
    );
  }
  const items = tickets.data.pages.flatMap((p) => p.items);
  const total = tickets.data.pages[0]?.total ?? 0;
  if (items.length === 0) {
    return (
      <Paper withBorder p="lg" radius="md" ta="center">
        <Text c="dimmed">{t('customers.tickets.empty')}</Text>
      </Paper>
    );
  }

  return (
    <Stack>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customers.tickets.ref')}</Table.Th>
              <Table.Th>{t('customers.tickets.subject')}</Table.Th>
              <Table.Th>{t('customers.tickets.status')}</Table.Th>
              <Table.Th>{t('customers.tickets.severity')}</Table.Th>
              <Table.Th>{t('customers.tickets.createdAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((ticket) => {
              const sev = severity(ticket.severityCode);
              return (
                <Table.Tr key={ticket.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/tickets/${ticket.id}`} ff="monospace" size="sm">
                      {ticket.ref}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/tickets/${ticket.id}`} c="inherit">
                      {ticket.subject}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={ticket.status} resolution={ticket.resolution} />
                  </Table.Td>
                  <Table.Td>
                    <SeverityBadge
                      label={sev?.label[language] ?? ticket.severityCode}
                      color={sev?.color ?? null}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" title={fmt.dateTime(ticket.createdAt)}>
                      {fmt.date(ticket.createdAt)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('customers.tickets.total', { count: total, formatted: fmt.number(total) })}
        </Text>
        {tickets.hasNextPage && (
          <Button
            variant="default"
            size="xs"
            loading={tickets.isFetchingNextPage}
            onClick={() => void tickets.fetchNextPage()}
          >
            {t('customers.tickets.more')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

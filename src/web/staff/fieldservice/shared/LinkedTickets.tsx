import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { LinkedTicket } from '../../../api/ticket-links.api.js';
import { StatusBadge } from '../../../components/StatusBadge.js';
import { Empty } from './DetailShell.js';

/** The tickets an object is linked to (or that designate it): ref, subject, status, each a link. */
export function LinkedTickets({ tickets, empty }: { tickets: LinkedTicket[]; empty: string }) {
  if (tickets.length === 0) return <Empty>{empty}</Empty>;
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {tickets.map((ticket) => (
        <Group key={ticket.id} component="li" gap="sm" wrap="nowrap">
          <Anchor component={Link} to={`/tickets/${ticket.id}`} ff="monospace" size="sm" fw={600}>
            {ticket.ref}
          </Anchor>
          <Text size="sm" truncate="end" style={{ flex: 1 }} title={ticket.subject}>
            {ticket.subject}
          </Text>
          <StatusBadge status={ticket.status} size="sm" />
        </Group>
      ))}
    </Stack>
  );
}

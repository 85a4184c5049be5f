import '@mantine/charts/styles.css';
import { PieChart } from '@mantine/charts';
import { ColorSwatch, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TICKET_STATUSES, type TicketStatus } from '../../../common/tickets.js';
import type { TicketStats } from '../../api/tickets.api.js';
import { useFormat } from '../../components/format.js';
import { STATUS_COLORS } from '../../components/StatusBadge.js';

/** Deleted tickets are out of the picture: they are gone from every list too. */
const CHARTED = TICKET_STATUSES.filter((s): s is Exclude<TicketStatus, 'deleted'> => s !== 'deleted');

/** Ticket counts by status: the pie, and beside it a legend whose lines open the list of that status. */
export function StatusChart({ byStatus }: { byStatus: TicketStats['byStatus'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = CHARTED.map((status) => ({
    status,
    name: t(`tickets.status.${status}`),
    value: byStatus[status] ?? 0,
    color: `${STATUS_COLORS[status]}.6`,
  }));
  const total = rows.reduce((sum, r) => sum + r.value, 0);

  if (total === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {t('home.chart.empty')}
      </Text>
    );
  }
  return (
    <Group align="center" justify="center" gap={40} wrap="wrap">
      <PieChart
        data={rows.filter((r) => r.value > 0).map(({ name, value, color }) => ({ name, value, color }))}
        size={200}
        strokeWidth={2}
        withTooltip
        tooltipDataSource="segment"
        valueFormatter={format.number}
        aria-hidden="true"
      />
      <Stack gap={6} miw={220}>
        {rows.map((r) => (
          <UnstyledButton
            key={r.status}
            component={Link}
            to={`/tickets?status=${r.status}`}
            px="xs"
            py={4}
            style={{ borderRadius: 'var(--mantine-radius-sm)' }}
          >
            <Group justify="space-between" gap="lg" wrap="nowrap">
              <Group gap="xs" wrap="nowrap">
                <ColorSwatch color={`var(--mantine-color-${STATUS_COLORS[r.status]}-6)`} size={12} />
                <Text size="sm">{r.name}</Text>
              </Group>
              <Text size="sm" fw={600}>
                {format.number(r.value)}
              </Text>
            </Group>
          </UnstyledButton>
        ))}
        <Group
          justify="space-between"
          px="xs"
          pt={6}
          style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Text size="sm" c="dimmed">
            {t('home.chart.total')}
          </Text>
          <Text size="sm" fw={700}>
            {format.number(total)}
          </Text>
        </Group>
      </Stack>
    </Group>
  );
}

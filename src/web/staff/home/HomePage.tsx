import { Alert, Button, Card, Group, Paper, SimpleGrid, Skeleton, Text, ThemeIcon } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchTicketStats, ticketKeys } from '../../api/tickets.api.js';
import { useFormat } from '../../components/format.js';
import { IconAlert, IconArrowRight } from '../../components/icons.js';
import { PageHeader } from '../../components/PageHeader.js';
import { IconClock, IconInbox, IconPlus, IconUser } from '../../components/ticketIcons.js';
import { useSignedInUser } from '../auth/session.js';
import { StatusChart } from './StatusChart.js';

interface CountCard {
  key: 'myOpen' | 'unread' | 'overdue';
  to: string;
  color: string;
  icon: React.ReactNode;
}

const CARDS: CountCard[] = [
  { key: 'myOpen', to: '/tickets?assignee=me', color: 'indigo', icon: <IconUser size={22} /> },
  { key: 'unread', to: '/tickets?status=unread', color: 'blue', icon: <IconInbox size={22} /> },
  { key: 'overdue', to: '/tickets?overdue=true', color: 'red', icon: <IconClock size={22} /> },
];

/** The landing page after sign-in: a greeting, the counters that call for action, tickets by status. */
export function HomePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useSignedInUser();
  const canRead = user.permissions.includes('ticket.read') || user.permissions.includes('admin');
  const canWrite = user.permissions.includes('ticket.write') || user.permissions.includes('admin');
  const stats = useQuery({ queryKey: ticketKeys.stats, queryFn: fetchTicketStats, enabled: canRead });

  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageHeader title={t('home.title', { name: user.name })} description={t('home.description')} />
        {canWrite && (
          <Button component={Link} to="/tickets/new" leftSection={<IconPlus size={16} />}>
            {t('tickets.new')}
          </Button>
        )}
      </Group>
      {canRead && stats.isError && (
        <Alert color="red" icon={<IconAlert />} mb="lg">
          {t('home.loadError')}
        </Alert>
      )}
      {canRead && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg" mb="lg">
            {CARDS.map((card) => (
              <Card
                key={card.key}
                component={Link}
                to={card.to}
                withBorder
                radius="lg"
                padding="lg"
                shadow="xs"
                aria-label={`${t(`home.cards.${card.key}`)}: ${stats.data ? format.number(stats.data[card.key]) : '…'}`}
              >
                <Group justify="space-between" align="flex-start" mb="sm">
                  <ThemeIcon size={44} radius="md" variant="light" color={card.color}>
                    {card.icon}
                  </ThemeIcon>
                  <Text c="dimmed" aria-hidden="true">
                    <IconArrowRight size={18} />
                  </Text>
                </Group>
                {stats.data ? (
                  <Text
                    fz={34}
                    fw={700}
                    lh={1.1}
                    c={card.key === 'overdue' && stats.data.overdue > 0 ? 'red.7' : undefined}
                  >
                    {format.number(stats.data[card.key])}
                  </Text>
                ) : (
                  <Skeleton h={36} w={60} />
                )}
                <Text fw={600} mt={4}>
                  {t(`home.cards.${card.key}`)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t(`home.cards.${card.key}Hint`)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <Paper withBorder radius="lg" p="lg" shadow="xs">
            <Text fw={600} fz="lg">
              {t('home.chart.title')}
            </Text>
            <Text size="sm" c="dimmed" mb="md">
              {t('home.chart.description')}
            </Text>
            {stats.data ? <StatusChart byStatus={stats.data.byStatus} /> : <Skeleton h={200} />}
          </Paper>
        </>
      )}
    </>
  );
}

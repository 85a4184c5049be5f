import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { fetchTicket, markTicketRead, ticketKeys, type Ticket } from '../../api/tickets.api.js';
import { useFormat } from '../../components/format.js';
import { IconAlert } from '../../components/icons.js';
import { RichTextView } from '../../components/RichTextView.js';
import { SeverityBadge } from '../../components/SeverityBadge.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import {
  IconArrowBack,
  IconClock,
  IconFile,
  IconHistory,
  IconMessage,
  IconPencil,
} from '../../components/ticketIcons.js';
import { useErrorText } from '../../components/useErrorText.js';
import { TicketCustomFields } from './customfields/TicketCustomFields.js';
import { HistoryTab } from './detail/HistoryTab.js';
import { LinkedObjects } from './detail/LinkedObjects.js';
import { MessagesTab } from './detail/MessagesTab.js';
import { TicketActions } from './detail/TicketActions.js';
import { TicketEditForm } from './detail/TicketEditForm.js';
import { TicketProperties } from './detail/TicketProperties.js';
import { useTicketCommand } from './detail/useTicketCommand.js';
import { DocumentsTab } from './documents/index.js';
import { useClassification } from './lookups.js';

const TABS = ['messages', 'history', 'documents'] as const;
type Tab = (typeof TABS)[number];

/** SPEC 2.2: the app marks a ticket read when someone who may do so first opens it. */
function useMarkReadOnOpen(ticket: Ticket | undefined) {
  const markRead = useTicketCommand(ticket?.id ?? 0, (t: Ticket) => markTicketRead(t.id, t.version), {
    silent: true,
  });
  const asked = useRef<number | null>(null);
  useEffect(() => {
    if (!ticket || ticket.status !== 'unread' || !ticket.abilities.markRead) return;
    if (asked.current === ticket.id) return;
    asked.current = ticket.id;
    markRead.mutate(ticket);
  }, [ticket, markRead]);
}

function TicketHeader({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const format = useFormat();
  const classification = useClassification();
  const author = ticket.authorName ?? ticket.authorEmail ?? t('tickets.detail.unknownAuthor');
  return (
    <Stack gap={6} component="section" aria-label={ticket.ref}>
      <Group gap="xs">
        <Text ff="monospace" fw={600} c="dimmed" size="sm">
          {ticket.ref}
        </Text>
        <StatusBadge status={ticket.status} resolution={ticket.resolution} />
        <SeverityBadge
          label={classification.label('severity', ticket.severityCode)}
          color={classification.color(ticket.severityCode)}
        />
        {ticket.overdue && (
          <Badge color="red" variant="light" radius="sm" leftSection={<IconClock size={12} />}>
            {t('tickets.list.overdue')}
          </Badge>
        )}
      </Group>
      <Title order={1} fz={26} style={{ letterSpacing: '-0.01em', overflowWrap: 'anywhere' }}>
        {ticket.subject}
      </Title>
      <Text size="sm" c="dimmed" title={format.dateTime(ticket.createdAt)}>
        {t('tickets.detail.createdBy', { when: format.relative(ticket.createdAt), author })} ·{' '}
        {t(`tickets.origin.${ticket.origin}`)}
      </Text>
    </Stack>
  );
}

/** `/tickets/:id`: header, workflow actions, properties, and the messages, history and documents tabs. */
export function TicketPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = TABS.includes(tabParam as Tab) ? (tabParam as Tab) : 'messages';
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: ticketKeys.one(id),
    queryFn: () => fetchTicket(id),
    enabled: Number.isInteger(id) && id > 0,
  });
  const ticket = query.data;
  useMarkReadOnOpen(ticket);
  useDocumentTitle(
    t('app.pageTitle', { page: ticket ? `${ticket.ref} · ${ticket.subject}` : t('tickets.title') }),
  );

  const back = (
    <Anchor component={Link} to="/tickets" size="sm" c="dimmed">
      <Group gap={4} component="span">
        <IconArrowBack size={14} />
        {t('tickets.detail.back')}
      </Group>
    </Anchor>
  );

  if (!Number.isInteger(id) || id <= 0 || (query.error instanceof ApiError && query.error.status === 404)) {
    return (
      <Stack maw={640}>
        {back}
        <Alert color="orange" icon={<IconAlert />} title={t('errors.notFoundTitle')}>
          {t('tickets.detail.notFound')}
        </Alert>
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <Stack maw={640}>
        {back}
        <Alert color="red" icon={<IconAlert />}>
          {errorText(query.error)}
        </Alert>
        <Button variant="light" w="fit-content" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </Button>
      </Stack>
    );
  }
  if (!ticket) {
    return (
      <Center h={320}>
        <Loader type="dots" aria-label={t('common.loading')} />
      </Center>
    );
  }

  return (
    <Stack gap="lg">
      {back}
      <TicketHeader ticket={ticket} />
      <TicketActions ticket={ticket} />
      {ticket.status === 'deleted' && (
        <Alert color="gray" icon={<IconAlert />}>
          {t('tickets.detail.deletedNotice')}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7, xl: 8 }}>
          <Stack gap="lg">
            <Paper withBorder radius="lg" p="lg">
              <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="sm" style={{ letterSpacing: '0.04em' }}>
                {t('tickets.detail.description')}
              </Text>
              <RichTextView html={ticket.message} />
            </Paper>
            <Tabs
              value={tab}
              onChange={(v) => {
                const next = new URLSearchParams(params);
                if (!v || v === 'messages') next.delete('tab');
                else next.set('tab', v);
                setParams(next, { replace: true });
              }}
              keepMounted={false}
            >
              <Tabs.List mb="md">
                <Tabs.Tab value="messages" leftSection={<IconMessage size={16} />}>
                  {t('tickets.detail.tabs.messages')}
                </Tabs.Tab>
                <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
                  {t('tickets.detail.tabs.history')}
                </Tabs.Tab>
                <Tabs.Tab value="documents" leftSection={<IconFile size={16} />}>
                  {t('tickets.detail.tabs.documents')}
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="messages">
                <MessagesTab ticket={ticket} />
              </Tabs.Panel>
              <Tabs.Panel value="history">
                <HistoryTab ticketId={ticket.id} />
              </Tabs.Panel>
              <Tabs.Panel value="documents">
                <DocumentsTab ticket={ticket} />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, xl: 4 }}>
          <Stack gap="lg">
            <Paper withBorder radius="lg" p="lg">
              <Group justify="space-between" mb="md" mih={28}>
                <Text size="xs" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: '0.04em' }}>
                  {editing ? t('tickets.edit.title') : t('tickets.detail.properties')}
                </Text>
                {ticket.abilities.update && !editing && (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => setEditing(true)}
                  >
                    {t('tickets.edit.button')}
                  </Button>
                )}
              </Group>
              {editing && ticket.abilities.update ? (
                <TicketEditForm ticket={ticket} onDone={() => setEditing(false)} />
              ) : (
                <TicketProperties ticket={ticket} />
              )}
            </Paper>
            <TicketCustomFields ticket={ticket} />
            <LinkedObjects ticket={ticket} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

import { Alert, Button, Center, EmptyState, Group, LoadingOverlay, Paper, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { listTickets, ticketKeys, ticketsExportUrl } from '../../api/tickets.api.js';
import { useFormat } from '../../components/format.js';
import { IconAlert } from '../../components/icons.js';
import { PageHeader } from '../../components/PageHeader.js';
import { IconDownload, IconInbox, IconPlus } from '../../components/ticketIcons.js';
import { useErrorText } from '../../components/useErrorText.js';
import { TicketFilters } from './list/TicketFilters.js';
import {
  apiQuery,
  currentSort,
  hasFilters,
  pageNumber,
  withFirstPage,
  withNextPage,
  withoutFilters,
  withPreviousPage,
  withSort,
} from './list/listParams.js';
import { TicketTable } from './list/TicketTable.js';
import { useCan } from './lookups.js';

/** `/tickets`: the filtered, sorted, paged list; the URL holds the whole view. */
export function TicketsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const query = apiQuery(params);
  const list = useQuery({
    queryKey: ticketKeys.list(query),
    queryFn: () => listTickets(query),
    placeholderData: keepPreviousData,
  });
  const page = pageNumber(params);
  const go = (next: URLSearchParams) => setParams(next);
  // A cursor only fits the filters and sort it came with: an edited or stale link starts again at page 1.
  const staleCursor = list.error instanceof ApiError && list.error.code === 'invalid_cursor';
  useEffect(() => {
    if (staleCursor) setParams(withFirstPage(params), { replace: true });
  }, [staleCursor, params, setParams]);

  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <PageHeader title={t('tickets.title')} description={t('tickets.description')} />
        <Group gap="sm">
          {can('ticket.export') && (
            <Button
              component="a"
              href={ticketsExportUrl(apiQuery(params, { paged: false }))}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              {t('tickets.list.export')}
            </Button>
          )}
          {can('ticket.write') && (
            <Button component={Link} to="/tickets/new" leftSection={<IconPlus size={16} />}>
              {t('tickets.new')}
            </Button>
          )}
        </Group>
      </Group>

      <TicketFilters params={params} onChange={go} />

      {list.isError && !staleCursor && (
        <Alert color="red" icon={<IconAlert />} mb="md" role="alert">
          {errorText(list.error)}
        </Alert>
      )}

      <Paper withBorder radius="lg" pos="relative" style={{ overflow: 'hidden' }}>
        <LoadingOverlay
          visible={list.isPlaceholderData}
          zIndex={5}
          overlayProps={{ backgroundOpacity: 0.6, color: 'var(--mantine-color-body)' }}
          loaderProps={{ type: 'dots' }}
        />
        {list.isPending ? (
          <Center h={240}>
            <Text c="dimmed">{t('common.loading')}</Text>
          </Center>
        ) : list.data && list.data.items.length > 0 ? (
          <TicketTable
            items={list.data.items}
            sort={currentSort(params)}
            onSort={(column) => go(withSort(params, column))}
          />
        ) : (
          <EmptyState
            py={56}
            icon={<IconInbox size={40} />}
            withIndicatorBackground
            title={t('tickets.list.empty')}
            description={hasFilters(params) ? t('tickets.list.emptyFiltered') : t('tickets.list.emptyHint')}
          >
            {hasFilters(params) && (
              <EmptyState.Actions>
                <Button variant="light" onClick={() => go(withoutFilters(params))}>
                  {t('tickets.filters.reset')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        )}
      </Paper>

      {list.data && (
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t(list.data.totalCapped ? 'tickets.list.totalCapped' : 'tickets.list.total', {
              count: list.data.total,
              formatted: format.number(list.data.total),
            })}
          </Text>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('tickets.list.page', { page: format.number(page) })}
            </Text>
            <Button
              variant="default"
              size="xs"
              disabled={page === 1}
              onClick={() => go(withPreviousPage(params))}
            >
              {t('tickets.list.previous')}
            </Button>
            <Button
              variant="default"
              size="xs"
              disabled={!list.data.nextCursor}
              onClick={() => list.data.nextCursor && go(withNextPage(params, list.data.nextCursor))}
            >
              {t('tickets.list.next')}
            </Button>
          </Group>
        </Group>
      )}
    </>
  );
}

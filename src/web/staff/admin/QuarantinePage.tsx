import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IgnoreReason, QuarantineReason } from '../../../common/schemas/inbox.schema.js';
import {
  deleteQuarantined,
  inboxKeys,
  listQuarantine,
  quarantineRawUrl,
  retryQuarantined,
  type IngestResult,
  type QuarantinedMail,
} from '../../api/inbox.api.js';
import { useFormat } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { IconDownload, IconRefresh, IconTrash } from '../../components/ticketIcons.js';
import { useErrorText } from '../../components/useErrorText.js';
import { LoadMoreFooter } from '../../components/LoadMoreFooter.js';

// Catalog keys of the reason codes: a new code in the schema fails type-checking here until it has a label.
const QUARANTINE_REASONS = {
  unparseable: 'unparseable',
  no_sender: 'noSender',
  too_large: 'tooLarge',
  import_failed: 'importFailed',
} as const satisfies Record<QuarantineReason, string>;
const IGNORE_REASONS = {
  duplicate: 'duplicate',
  auto_reply: 'autoReply',
  bounce: 'bounce',
  bulk: 'bulk',
  own_mail: 'ownMail',
} as const satisfies Record<IgnoreReason, string>;

const isQuarantineReason = (r: string): r is QuarantineReason => Object.hasOwn(QUARANTINE_REASONS, r);
const isIgnoreReason = (r: string): r is IgnoreReason => Object.hasOwn(IGNORE_REASONS, r);

/** Labels of the reason codes, in the interface language; a reason the app does not know is shown as sent. */
function useReasonText() {
  const { t } = useTranslation();
  return {
    quarantine: (reason: QuarantineReason) => t(`settings.quarantine.reasons.${QUARANTINE_REASONS[reason]}`),
    of: (result: IngestResult) => {
      const reason = result.reason ?? '';
      if (result.outcome === 'ignored' && isIgnoreReason(reason))
        return t(`settings.quarantine.ignoreReasons.${IGNORE_REASONS[reason]}`);
      if (isQuarantineReason(reason)) return t(`settings.quarantine.reasons.${QUARANTINE_REASONS[reason]}`);
      return reason || '—';
    },
  };
}

/** What a retry did: a ticket to open, or why the message was ignored or stays here. */
function RetryOutcome({ result, onClose }: { result: IngestResult; onClose: () => void }) {
  const { t } = useTranslation();
  const reasons = useReasonText();
  const ref = result.ticketRef ?? (result.ticketId === null ? '' : `#${result.ticketId}`);
  const color = { created: 'teal', replied: 'teal', ignored: 'blue', quarantined: 'orange' }[result.outcome];
  return (
    <Alert color={color} role="status" withCloseButton onClose={onClose}>
      <Stack gap={4}>
        <Text size="sm">
          {t(`settings.quarantine.outcome.${result.outcome}`, { ref, reason: reasons.of(result) })}
        </Text>
        {result.ticketId !== null && (result.outcome === 'created' || result.outcome === 'replied') && (
          <Anchor component={Link} to={`/tickets/${result.ticketId}`} size="sm">
            {t('settings.quarantine.openTicket', { ref })}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * Administration → Email → Quarantine (SPEC 5): the messages the collector or the pipe could not import,
 * newest first, each with its raw .eml, a retry (once the cause is fixed) and a delete.
 */
export function QuarantinePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const errorText = useErrorText();
  const reasons = useReasonText();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: inboxKeys.quarantine,
    queryFn: ({ pageParam }) => listQuarantine(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  // The list and the status panel's count both change when a message leaves the quarantine.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: inboxKeys.quarantine }),
      queryClient.invalidateQueries({ queryKey: inboxKeys.status }),
    ]);
  const retry = useMutation({
    mutationFn: (mail: QuarantinedMail) => retryQuarantined(mail.id),
    onSettled: refresh,
  });
  const [deleting, setDeleting] = useState<QuarantinedMail | null>(null);
  const remove = useMutation({
    mutationFn: (mail: QuarantinedMail) => deleteQuarantined(mail.id),
    onSuccess: async () => {
      setDeleting(null);
      notifications.show({ color: 'teal', message: t('settings.quarantine.deleted') });
      await refresh();
    },
  });

  const header = (
    <>
      <Anchor component={Link} to="/admin/email" size="sm" mb="xs" display="inline-block">
        ← {t('settings.quarantine.back')}
      </Anchor>
      <PageHeader title={t('settings.quarantine.title')} description={t('settings.quarantine.description')} />
    </>
  );
  if (list.isPending) {
    return (
      <>
        {header}
        <Loader aria-label={t('common.loading')} />
      </>
    );
  }
  if (list.isError) {
    return (
      <>
        {header}
        <Alert color="red" role="alert">
          {errorText(list.error)}
        </Alert>
      </>
    );
  }
  const items = list.data.pages.flatMap((p) => p.items);
  const total = list.data.pages[0]?.total ?? 0;
  const subjectOf = (mail: QuarantinedMail) => mail.subject || t('settings.quarantine.noSubject');
  const senderOf = (mail: QuarantinedMail) => mail.from || t('settings.quarantine.unknownSender');

  return (
    <>
      {header}
      <Stack>
        {retry.isSuccess && <RetryOutcome result={retry.data} onClose={() => retry.reset()} />}
        {retry.isError && (
          <Alert color="red" role="alert" withCloseButton onClose={() => retry.reset()}>
            {t('settings.quarantine.retryFailed', { message: retry.error.message })}
          </Alert>
        )}
        {items.length === 0 ? (
          <Paper withBorder p="lg" radius="md" ta="center">
            <Text c="dimmed">{t('settings.quarantine.empty')}</Text>
          </Paper>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings.quarantine.columns.receivedAt')}</Table.Th>
                  <Table.Th>{t('settings.quarantine.columns.from')}</Table.Th>
                  <Table.Th>{t('settings.quarantine.columns.subject')}</Table.Th>
                  <Table.Th>{t('settings.quarantine.columns.reason')}</Table.Th>
                  <Table.Th>{t('settings.quarantine.columns.error')}</Table.Th>
                  <Table.Th>{t('settings.quarantine.columns.size')}</Table.Th>
                  <Table.Th>{t('settings.quarantine.columns.attempts')}</Table.Th>
                  <Table.Th>{t('settings.quarantine.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((mail) => (
                  <Table.Tr key={mail.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" title={mail.mailbox}>
                        {fmt.dateTime(mail.receivedAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={mail.from ? undefined : 'dimmed'}>
                        {senderOf(mail)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={mail.subject ? undefined : 'dimmed'}>
                        {subjectOf(mail)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="orange" radius="sm">
                        {reasons.quarantine(mail.reason)}
                      </Badge>
                    </Table.Td>
                    <Table.Td maw={280}>
                      <Text size="xs" c="dimmed" lineClamp={2} title={mail.error ?? undefined}>
                        {mail.error ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.fileSize(mail.size)}</Table.Td>
                    <Table.Td>{fmt.number(mail.attempts)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Tooltip label={t('settings.quarantine.download')}>
                          <ActionIcon
                            component="a"
                            href={quarantineRawUrl(mail)}
                            download
                            variant="subtle"
                            aria-label={t('settings.quarantine.downloadOf', { subject: subjectOf(mail) })}
                          >
                            <IconDownload />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('settings.quarantine.retry')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('settings.quarantine.retryOf', { subject: subjectOf(mail) })}
                            loading={retry.isPending && retry.variables.id === mail.id}
                            disabled={retry.isPending}
                            onClick={() => retry.mutate(mail)}
                          >
                            <IconRefresh />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('settings.quarantine.delete')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('settings.quarantine.deleteOf', { subject: subjectOf(mail) })}
                            onClick={() => {
                              remove.reset();
                              setDeleting(mail);
                            }}
                          >
                            <IconTrash />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {items.length > 0 && (
          <LoadMoreFooter
            totalText={t('settings.quarantine.total', { count: total, formatted: fmt.number(total) })}
            pages={list}
            moreLabel={t('settings.quarantine.more')}
          />
        )}
      </Stack>

      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('settings.quarantine.deleteTitle')}
      >
        <Stack>
          <Text>
            {deleting &&
              t('settings.quarantine.deleteConfirm', {
                subject: subjectOf(deleting),
                from: senderOf(deleting),
              })}
          </Text>
          {remove.error && (
            <Alert color="red" role="alert">
              {errorText(remove.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('settings.quarantine.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => deleting && remove.mutate(deleting)}
            >
              {t('settings.quarantine.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

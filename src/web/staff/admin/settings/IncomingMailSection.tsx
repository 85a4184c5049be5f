import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SettingKey } from '../../../../common/settings.js';
import { ApiError } from '../../../api/client.js';
import { getInboxStatus, inboxKeys, testInbox, type InboxStatus } from '../../../api/inbox.api.js';
import { useFormat } from '../../../components/format.js';
import { useErrorText } from '../../../components/useErrorText.js';
import { useClassification, type ClassificationKind } from '../../tickets/lookups.js';
import type { SettingsForm } from './useSettingsDraft.js';

const STATUS_REFRESH_MS = 10_000;
const QUARANTINE_PATH = '/admin/email/quarantine';

const CLASSIFICATION: readonly { kind: ClassificationKind; key: SettingKey }[] = [
  { kind: 'type', key: 'mail.incoming.typeCode' },
  { kind: 'category', key: 'mail.incoming.categoryCode' },
  { kind: 'severity', key: 'mail.incoming.severityCode' },
];

const str = (v: unknown) => (typeof v === 'string' ? v : '');

// Only what is present and blank counts: a key the server did not send is not the user's to fill in.
const blank = (v: unknown) => typeof v === 'string' && v.trim() === '';

/** The folder is required, and so is the destination when messages are moved after import. */
function folderProblems(form: SettingsForm) {
  return {
    folder: blank(form.value('mail.imap.folder')),
    moveTo: form.value('mail.imap.afterImport') === 'move' && blank(form.value('mail.imap.moveTo')),
  };
}

/** Whether the incoming mail fields can be saved as they are (the page checks before saving). */
export function incomingMailValid(form: SettingsForm): boolean {
  const problems = folderProblems(form);
  return !problems.folder && !problems.moveTo;
}

/**
 * The IMAP mailbox read for incoming mail, and the classification of the tickets it opens. Part of the
 * Email page's form, saved with its button; `password` is the page's write-only password field.
 */
export function IncomingMailSection({ form, password }: { form: SettingsForm; password: ReactNode }) {
  const { t } = useTranslation();
  const classification = useClassification();
  const problems = folderProblems(form);
  const number = (key: SettingKey, fallback: number) => {
    const v = form.value(key);
    return {
      value: typeof v === 'number' ? v : '',
      onChange: (n: number | string) => form.set(key, typeof n === 'number' ? n : fallback),
      error: form.error(key),
      allowDecimal: false,
    };
  };
  const move = form.value('mail.imap.afterImport') === 'move';

  return (
    <Paper withBorder radius="lg" p="lg">
      <Title order={3} size="h4" mb={4}>
        {t('settings.incoming.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings.incoming.hint')}
      </Text>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('settings.incoming.host')}
            description={t('settings.incoming.hostHint')}
            placeholder="imap.example.com"
            value={str(form.value('mail.imap.host'))}
            onChange={(e) => form.set('mail.imap.host', e.currentTarget.value.trim())}
            error={form.error('mail.imap.host')}
          />
          <NumberInput
            label={t('settings.incoming.port')}
            min={1}
            max={65535}
            {...number('mail.imap.port', 993)}
          />
          <Select
            label={t('settings.incoming.security')}
            allowDeselect={false}
            data={[
              { value: 'tls', label: t('settings.incoming.securityTls') },
              { value: 'starttls', label: t('settings.incoming.securityStarttls') },
              { value: 'none', label: t('settings.incoming.securityNone') },
            ]}
            value={str(form.value('mail.imap.security')) || 'tls'}
            onChange={(v) => v && form.set('mail.imap.security', v)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('settings.incoming.user')}
            autoComplete="off"
            value={str(form.value('mail.imap.user'))}
            onChange={(e) => form.set('mail.imap.user', e.currentTarget.value)}
            error={form.error('mail.imap.user')}
          />
          {password}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('settings.incoming.folder')}
            description={t('settings.incoming.folderHint')}
            value={str(form.value('mail.imap.folder'))}
            onChange={(e) => form.set('mail.imap.folder', e.currentTarget.value)}
            error={problems.folder ? t('settings.incoming.folderRequired') : form.error('mail.imap.folder')}
          />
          <NumberInput
            label={t('settings.incoming.pollSeconds')}
            description={t('settings.incoming.pollSecondsHint')}
            min={10}
            max={3600}
            {...number('mail.imap.pollSeconds', 60)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('settings.incoming.afterImport')}
            allowDeselect={false}
            data={[
              { value: 'seen', label: t('settings.incoming.afterImportSeen') },
              { value: 'move', label: t('settings.incoming.afterImportMove') },
            ]}
            value={move ? 'move' : 'seen'}
            onChange={(v) => v && form.set('mail.imap.afterImport', v)}
          />
          <TextInput
            label={t('settings.incoming.moveTo')}
            disabled={!move}
            value={str(form.value('mail.imap.moveTo'))}
            onChange={(e) => form.set('mail.imap.moveTo', e.currentTarget.value)}
            error={problems.moveTo ? t('settings.incoming.folderRequired') : form.error('mail.imap.moveTo')}
          />
        </SimpleGrid>

        <div>
          <Title order={4} size="h5" mb={4}>
            {t('settings.incoming.classification')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('settings.incoming.classificationHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {CLASSIFICATION.map(({ kind, key }) => {
              const code = str(form.value(key));
              return (
                <Select
                  key={key}
                  label={t(`settings.incoming.${kind}`)}
                  allowDeselect={false}
                  // Empty leaves the choice to the dictionary's default, which may change later.
                  data={[
                    { value: '', label: t('settings.incoming.dictionaryDefault') },
                    ...classification.options(kind, code || undefined),
                  ]}
                  value={code}
                  onChange={(v) => form.set(key, v ?? '')}
                  error={form.error(key)}
                />
              );
            })}
          </SimpleGrid>
        </div>
      </Stack>
    </Paper>
  );
}

/** One line of the status panel: a label and its value. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function StatusFacts({ status }: { status: InboxStatus }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const when = (iso: string | null) => (iso ? fmt.dateTime(iso) : t('settings.incoming.never'));
  const source = {
    settings: t('settings.incoming.sourceSettings'),
    env: t('settings.incoming.sourceEnv'),
    none: t('settings.incoming.sourceNone'),
  }[status.source];
  const mode =
    status.mode === 'idle'
      ? t('settings.incoming.modeIdle')
      : status.mode === 'poll'
        ? t('settings.incoming.modePoll')
        : t('settings.incoming.modeNone');
  const recovered =
    status.lastErrorAt !== null &&
    status.lastSuccessAt !== null &&
    Date.parse(status.lastSuccessAt) > Date.parse(status.lastErrorAt);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Fact label={t('settings.incoming.source')}>{source}</Fact>
        <Fact label={t('settings.incoming.mailbox')}>{status.mailbox ?? '—'}</Fact>
        <Fact label={t('settings.incoming.collector')}>
          <Badge variant="light" color={status.running ? 'teal' : 'gray'}>
            {status.running ? t('settings.incoming.running') : t('settings.incoming.stopped')}
          </Badge>
          {!status.running && status.source !== 'none' && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('settings.incoming.stoppedHint')}
            </Text>
          )}
        </Fact>
        <Fact label={t('settings.incoming.mode')}>{mode}</Fact>
        <Fact label={t('settings.incoming.lastCheck')}>{when(status.lastCheckAt)}</Fact>
        <Fact label={t('settings.incoming.lastSuccess')}>{when(status.lastSuccessAt)}</Fact>
        <Fact label={t('settings.incoming.imported')}>{fmt.number(status.importedCount)}</Fact>
        <Fact label={t('settings.incoming.ignored')}>{fmt.number(status.ignoredCount)}</Fact>
        <Fact label={t('settings.incoming.quarantined')}>
          <Group gap="xs">
            <span>{fmt.number(status.quarantinedCount)}</span>
            <Anchor component={Link} to={QUARANTINE_PATH} size="sm">
              {t('settings.incoming.quarantineLink')}
            </Anchor>
          </Group>
        </Fact>
      </SimpleGrid>
      {status.lastError && (
        <Alert
          // An error the collector has since recovered from is history, not an alarm.
          color={recovered ? 'gray' : 'red'}
          title={
            status.lastErrorAt
              ? t('settings.incoming.lastError', { date: fmt.dateTime(status.lastErrorAt) })
              : undefined
          }
        >
          {status.lastError}
        </Alert>
      )}
    </Stack>
  );
}

/** The collector's status, refreshed while the page is open, and the "Test connection" button. */
export function InboxStatusPanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const errorText = useErrorText();
  const status = useQuery({
    queryKey: inboxKeys.status,
    queryFn: getInboxStatus,
    refetchInterval: STATUS_REFRESH_MS,
  });
  const test = useMutation({ mutationFn: testInbox });
  const failure =
    test.error instanceof ApiError && test.error.code === 'imap_failed'
      ? t('settings.incoming.testFailed', { reason: test.error.message })
      : test.error
        ? errorText(test.error)
        : null;

  return (
    <Paper withBorder radius="lg" p="lg">
      <Title order={3} size="h4" mb={4}>
        {t('settings.incoming.status')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings.incoming.statusHint')}
      </Text>
      {status.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : status.isError ? (
        <Alert color="red" role="alert">
          {t('settings.incoming.statusFailed', { message: status.error.message })}
        </Alert>
      ) : (
        <StatusFacts status={status.data} />
      )}

      <Stack gap="xs" mt="lg">
        <Group>
          <Button variant="light" loading={test.isPending} onClick={() => test.mutate()}>
            {t('settings.incoming.test')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('settings.incoming.testHint')}
          </Text>
        </Group>
        {test.isSuccess && (
          <Alert
            color="teal"
            role="status"
            title={t('settings.incoming.testOk', { mailbox: test.data.mailbox })}
          >
            <Text size="sm">
              {t('settings.incoming.testCounts', {
                messages: fmt.number(test.data.messages),
                unseen: fmt.number(test.data.unseen),
              })}
            </Text>
            <Text size="sm">
              {test.data.idle ? t('settings.incoming.testIdle') : t('settings.incoming.testNoIdle')}
            </Text>
          </Alert>
        )}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

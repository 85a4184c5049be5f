import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client.js';
import { sendTestMail } from '../../../api/mail.api.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { InboxStatusPanel, IncomingMailSection, incomingMailValid } from './IncomingMailSection.js';
import { useSettingsDraft, type SettingsForm } from './useSettingsDraft.js';

const isEmail = (v: string) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);

/** The page's two secrets, each with its own wording: with two servers, "the password" would be ambiguous. */
const PASSWORDS = { 'mail.smtp.password': 'email', 'mail.imap.password': 'incoming' } as const;

/** Write-only: the API says whether a password is set, never what it is. */
function PasswordField({ form, name }: { form: SettingsForm; name: keyof typeof PASSWORDS }) {
  const { t } = useTranslation();
  const ns = PASSWORDS[name];
  // Secrets come back as `true`/`false`, whatever type the setting itself has.
  const stored: unknown = form.value(name);
  const isSet = stored === true;
  const [editing, setEditing] = useState(false);
  if (!editing) {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t(`settings.${ns}.password`)}
        </Text>
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {isSet ? t(`settings.${ns}.passwordSet`) : t(`settings.${ns}.passwordNotSet`)}
          </Text>
          <Button size="compact-sm" variant="light" onClick={() => setEditing(true)}>
            {t(`settings.${ns}.passwordChange`)}
          </Button>
          {isSet && (
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => form.set(name, '')}>
              {t(`settings.${ns}.passwordClear`)}
            </Button>
          )}
        </Group>
      </Stack>
    );
  }
  const draft: unknown = form.value(name);
  return (
    <Stack gap={4}>
      <PasswordInput
        label={t(`settings.${ns}.password`)}
        autoComplete="new-password"
        value={typeof draft === 'string' ? draft : ''}
        onChange={(e) => form.set(name, e.currentTarget.value)}
        error={form.error(name)}
      />
      <Anchor
        component="button"
        type="button"
        size="xs"
        onClick={() => {
          form.unset(name);
          setEditing(false);
        }}
      >
        {t(`settings.${ns}.passwordCancel`)}
      </Anchor>
    </Stack>
  );
}

/** Sends a test email through the saved settings and says what the server answered. */
function TestMail() {
  const { t } = useTranslation();
  const [to, setTo] = useState('');
  const test = useMutation({ mutationFn: (address: string) => sendTestMail(address) });
  const failure =
    test.error instanceof ApiError
      ? (test.error.details as { reason?: string } | undefined)?.reason === 'not_configured'
        ? t('settings.email.testNotConfigured')
        : t('settings.email.testFailed', {
            reason: (test.error.details as { reason?: string } | undefined)?.reason ?? test.error.message,
          })
      : test.error
        ? t('settings.email.testFailed', { reason: test.error.message })
        : null;
  return (
    <Paper withBorder radius="lg" p="lg">
      <Title order={3} size="h4" mb="xs">
        {t('settings.email.test')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings.email.testHint')}
      </Text>
      <Group align="flex-end">
        <TextInput
          label={t('settings.email.testTo')}
          type="email"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button
          variant="light"
          loading={test.isPending}
          disabled={!to.trim() || !isEmail(to.trim())}
          onClick={() => test.mutate(to.trim())}
        >
          {t('settings.email.testSend')}
        </Button>
      </Group>
      {test.isSuccess && (
        <Alert color="teal" mt="md" role="status">
          {t('settings.email.testSent', { to: test.variables })}
        </Alert>
      )}
      {failure && (
        <Alert color="red" mt="md" role="alert">
          {failure}
        </Alert>
      )}
    </Paper>
  );
}

/**
 * Administration → Email (SPEC 7): the SMTP server, the support address, the IMAP mailbox read for
 * incoming mail, the customer notices; then the tests and the collector's status.
 */
export function EmailSettingsPage() {
  const { t } = useTranslation();
  const form = useSettingsDraft();
  if (form.query.isPending) return <Loader />;
  if (form.query.isError) return <Alert color="red">{t('settings.loadFailed')}</Alert>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const from = str(form.value('mail.from'));
  const fromError = isEmail(from) ? form.error('mail.from') : t('settings.email.fromInvalid');
  const port = form.value('mail.smtp.port');

  return (
    <>
      <PageHeader title={t('settings.email.title')} description={t('settings.email.description')} />
      <Stack gap="lg">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (isEmail(from) && incomingMailValid(form)) form.save();
          }}
        >
          <Stack gap="lg">
            <Paper withBorder radius="lg" p="lg">
              <Title order={3} size="h4" mb="md">
                {t('settings.email.smtp')}
              </Title>
              <Stack>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    label={t('settings.email.host')}
                    description={t('settings.email.hostHint')}
                    placeholder="smtp.example.com"
                    value={str(form.value('mail.smtp.host'))}
                    onChange={(e) => form.set('mail.smtp.host', e.currentTarget.value.trim())}
                    error={form.error('mail.smtp.host')}
                  />
                  <NumberInput
                    label={t('settings.email.port')}
                    min={1}
                    max={65535}
                    allowDecimal={false}
                    value={typeof port === 'number' ? port : ''}
                    onChange={(n) => form.set('mail.smtp.port', typeof n === 'number' ? n : 587)}
                    error={form.error('mail.smtp.port')}
                  />
                  <Select
                    label={t('settings.email.security')}
                    allowDeselect={false}
                    data={[
                      { value: 'starttls', label: t('settings.email.securityStarttls') },
                      { value: 'tls', label: t('settings.email.securityTls') },
                      { value: 'none', label: t('settings.email.securityNone') },
                    ]}
                    value={str(form.value('mail.smtp.security')) || 'starttls'}
                    onChange={(v) => v && form.set('mail.smtp.security', v)}
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('settings.email.user')}
                    autoComplete="off"
                    value={str(form.value('mail.smtp.user'))}
                    onChange={(e) => form.set('mail.smtp.user', e.currentTarget.value)}
                    error={form.error('mail.smtp.user')}
                  />
                  <PasswordField form={form} name="mail.smtp.password" />
                </SimpleGrid>
              </Stack>
            </Paper>

            <Paper withBorder radius="lg" p="lg">
              <Title order={3} size="h4" mb="md">
                {t('settings.email.sender')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('settings.email.from')}
                  description={t('settings.email.fromHint')}
                  type="email"
                  value={from}
                  onChange={(e) => form.set('mail.from', e.currentTarget.value.trim())}
                  error={fromError}
                />
                <TextInput
                  label={t('settings.email.fromName')}
                  value={str(form.value('mail.fromName'))}
                  onChange={(e) => form.set('mail.fromName', e.currentTarget.value)}
                  error={form.error('mail.fromName')}
                />
              </SimpleGrid>
            </Paper>

            <IncomingMailSection
              form={form}
              password={<PasswordField form={form} name="mail.imap.password" />}
            />

            <Paper withBorder radius="lg" p="lg">
              <Title order={3} size="h4" mb="md">
                {t('settings.email.notices')}
              </Title>
              <Stack>
                <Switch
                  label={t('settings.email.noticeOnAssign')}
                  checked={form.value('mail.noticeOnAssign') === true}
                  onChange={(e) => form.set('mail.noticeOnAssign', e.currentTarget.checked)}
                />
                <Switch
                  label={t('settings.email.noticeOnClose')}
                  checked={form.value('mail.noticeOnClose') === true}
                  onChange={(e) => form.set('mail.noticeOnClose', e.currentTarget.checked)}
                />
                <Anchor component={Link} to="/admin/email/templates" size="sm">
                  {t('settings.email.templatesLink')}
                </Anchor>
              </Stack>
            </Paper>

            <Group justify="flex-end">
              <Button type="submit" disabled={!form.dirty} loading={form.saving}>
                {t('settings.save')}
              </Button>
            </Group>
          </Stack>
        </form>
        <TestMail />
        <InboxStatusPanel />
      </Stack>
    </>
  );
}

import {
  Alert,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SettingKey } from '../../../../common/settings.js';
import { listGroups, settingsKeys } from '../../../api/settings.api.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { useSettingsDraft, type SettingsForm } from './useSettingsDraft.js';

const isUrl = (v: string) => v === '' || /^https?:\/\/[^\s]+$/.test(v);

function NumberSetting({
  form,
  name,
  label,
  description,
  max,
}: {
  form: SettingsForm;
  name: SettingKey;
  label: string;
  description?: string;
  max: number;
}) {
  const v = form.value(name);
  return (
    <NumberInput
      label={label}
      description={description}
      min={0}
      max={max}
      allowDecimal={false}
      value={typeof v === 'number' ? v : ''}
      onChange={(n) => form.set(name, typeof n === 'number' ? n : 0)}
      error={form.error(name)}
    />
  );
}

/** The portal texts in both languages, one tab per language. */
function PortalTexts({ form }: { form: SettingsForm }) {
  const { t } = useTranslation();
  const text = (key: SettingKey) => {
    const v = form.value(key);
    return typeof v === 'string' ? v : '';
  };
  return (
    <Tabs defaultValue="fr" keepMounted={false}>
      <Tabs.List mb="sm">
        <Tabs.Tab value="fr">{t('settings.french')}</Tabs.Tab>
        <Tabs.Tab value="en">{t('settings.english')}</Tabs.Tab>
      </Tabs.List>
      {(['fr', 'en'] as const).map((lang) => (
        <Tabs.Panel key={lang} value={lang}>
          <Stack>
            <TextInput
              label={t('settings.parameters.portalTitle')}
              value={text(`portal.title.${lang}`)}
              onChange={(e) => form.set(`portal.title.${lang}`, e.currentTarget.value)}
              error={form.error(`portal.title.${lang}`)}
            />
            <Textarea
              label={t('settings.parameters.homeText')}
              rows={4}
              value={text(`portal.homeText.${lang}`)}
              onChange={(e) => form.set(`portal.homeText.${lang}`, e.currentTarget.value)}
              error={form.error(`portal.homeText.${lang}`)}
            />
            <Textarea
              label={t('settings.parameters.helpText')}
              rows={4}
              value={text(`portal.helpText.${lang}`)}
              onChange={(e) => form.set(`portal.helpText.${lang}`, e.currentTarget.value)}
              error={form.error(`portal.helpText.${lang}`)}
            />
          </Stack>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

/** Administration → Parameters (SPEC 7): the portal, the notification group, the delays. */
export function ParametersPage() {
  const { t } = useTranslation();
  const form = useSettingsDraft();
  const groups = useQuery({ queryKey: settingsKeys.groups, queryFn: listGroups });
  if (form.query.isPending) return <Loader />;
  if (form.query.isError) return <Alert color="red">{t('settings.loadFailed')}</Alert>;

  const publicUrl = String(form.value('portal.publicUrl') ?? '');
  const urlError = isUrl(publicUrl)
    ? form.error('portal.publicUrl')
    : t('settings.parameters.publicUrlInvalid');
  const groupId = form.value('notifications.groupId');

  return (
    <>
      <PageHeader title={t('settings.parameters.title')} description={t('settings.parameters.description')} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (isUrl(publicUrl)) form.save();
        }}
      >
        <Stack gap="lg">
          <Paper withBorder radius="lg" p="lg">
            <Title order={3} size="h4" mb="md">
              {t('settings.parameters.portal')}
            </Title>
            <Stack>
              <Switch
                label={t('settings.parameters.portalEnabled')}
                description={t('settings.parameters.portalEnabledHint')}
                checked={form.value('portal.enabled') === true}
                onChange={(e) => form.set('portal.enabled', e.currentTarget.checked)}
              />
              <TextInput
                label={t('settings.parameters.publicUrl')}
                description={t('settings.parameters.publicUrlHint')}
                placeholder="https://support.example.com"
                value={publicUrl}
                onChange={(e) => form.set('portal.publicUrl', e.currentTarget.value.trim())}
                error={urlError}
              />
              <PortalTexts form={form} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberSetting
                  form={form}
                  name="portal.ticketsPerIpPerMonth"
                  label={t('settings.parameters.ticketsPerIp')}
                  max={100000}
                />
              </SimpleGrid>
              <Switch
                label={t('settings.parameters.captcha')}
                checked={form.value('portal.captcha') === true}
                onChange={(e) => form.set('portal.captcha', e.currentTarget.checked)}
              />
              <Switch
                label={t('settings.parameters.showDuration')}
                checked={form.value('portal.showDuration') === true}
                onChange={(e) => form.set('portal.showDuration', e.currentTarget.checked)}
              />
            </Stack>
          </Paper>

          <Paper withBorder radius="lg" p="lg">
            <Title order={3} size="h4" mb="md">
              {t('settings.parameters.tickets')}
            </Title>
            <Stack>
              <Select
                label={t('settings.parameters.notificationGroup')}
                data={[
                  { value: '', label: t('settings.parameters.notificationGroupNone') },
                  ...(groups.data ?? []).map((g) => ({ value: String(g.id), label: g.name })),
                ]}
                value={typeof groupId === 'number' ? String(groupId) : ''}
                onChange={(v) => form.set('notifications.groupId', v ? Number(v) : null)}
                allowDeselect={false}
                error={form.error('notifications.groupId')}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NumberSetting
                  form={form}
                  name="tickets.reopenOnReplyDays"
                  label={t('settings.parameters.reopenDays')}
                  description={t('settings.parameters.reopenDaysHint')}
                  max={3650}
                />
                <NumberSetting
                  form={form}
                  name="tickets.delayFirstResponseHours"
                  label={t('settings.parameters.delayFirst')}
                  max={24 * 365}
                />
                <NumberSetting
                  form={form}
                  name="tickets.delaySinceLastResponseHours"
                  label={t('settings.parameters.delaySinceLast')}
                  max={24 * 365}
                />
              </SimpleGrid>
            </Stack>
          </Paper>

          <Group justify="flex-end">
            <Button type="submit" disabled={!form.dirty} loading={form.saving}>
              {t('settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

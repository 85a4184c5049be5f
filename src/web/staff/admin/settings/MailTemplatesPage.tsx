import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../common/languages.js';
import { TEMPLATE_NAMES, type TemplateName } from '../../../../common/mail.templates.js';
import {
  getMailTemplates,
  mailKeys,
  previewMail,
  saveMailTemplates,
  type MailTemplates,
} from '../../../api/mail.api.js';
import { PageHeader } from '../../../components/PageHeader.js';

type Draft = { subject?: string; body: string };

/** The rendered draft, refreshed a moment after typing stops. */
function Preview({ name, lang, draft }: { name: TemplateName; lang: Language; draft: Draft }) {
  const { t } = useTranslation();
  const [input] = useDebouncedValue({ template: name, language: lang, ...draft }, 300);
  const preview = useQuery({
    queryKey: ['settings', 'mail', 'preview', input],
    queryFn: () => previewMail(input),
    placeholderData: keepPreviousData,
  });
  return (
    <Paper withBorder radius="lg" p="lg">
      <Title order={3} size="h4" mb={4}>
        {t('settings.templates.preview')}
      </Title>
      <Text size="xs" c="dimmed" mb="md">
        {t('settings.templates.previewHint')}
      </Text>
      {preview.isError && <Alert color="red">{t('settings.templates.previewFailed')}</Alert>}
      {preview.data && (
        <Stack gap="sm">
          <Text fw={600} data-testid="preview-subject">
            {preview.data.subject}
          </Text>
          <iframe
            title={t('settings.templates.preview')}
            sandbox=""
            srcDoc={preview.data.html}
            style={{
              width: '100%',
              minHeight: 260,
              border: '1px solid var(--mantine-color-gray-3)',
              borderRadius: 8,
            }}
          />
          <Code block>{preview.data.text}</Code>
        </Stack>
      )}
    </Paper>
  );
}

function Editor({ data, name }: { data: MailTemplates; name: TemplateName }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const entry = data.templates.find((x) => x.name === name);
  const [lang, setLang] = useState<Language>('fr');
  const [drafts, setDrafts] = useState<Partial<Record<Language, Draft>>>({});
  const save = useMutation({
    mutationFn: () => saveMailTemplates({ [name]: drafts }),
    onSuccess: (saved) => {
      queryClient.setQueryData(mailKeys.templates, saved);
      setDrafts({});
      notifications.show({ color: 'teal', message: t('settings.templates.saved') });
    },
    onError: (err) =>
      notifications.show({
        color: 'red',
        autoClose: 8000,
        message: t('settings.saveFailed', { message: err.message }),
      }),
  });
  if (!entry) return null;
  const current = (l: Language): Draft => drafts[l] ?? entry.values[l];
  const edit = (patch: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [lang]: { ...current(lang), ...patch } }));
  const draft = current(lang);
  const invalid = Object.values(drafts).some(
    (d) =>
      (entry.hasSubject && (!d.subject?.trim() || /[\r\n]/.test(d.subject))) ||
      (entry.hasSubject && !d.body.trim()),
  );

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Paper withBorder radius="lg" p="lg">
        <Tabs value={lang} onChange={(v) => v && setLang(v as Language)}>
          <Tabs.List mb="md">
            <Tabs.Tab value="fr">{t('settings.french')}</Tabs.Tab>
            <Tabs.Tab value="en">{t('settings.english')}</Tabs.Tab>
          </Tabs.List>
        </Tabs>
        <Stack>
          {entry.hasSubject && (
            <TextInput
              label={t('settings.templates.subject')}
              value={draft.subject ?? ''}
              onChange={(e) => edit({ subject: e.currentTarget.value })}
            />
          )}
          <Textarea
            label={t('settings.templates.body')}
            rows={10}
            value={draft.body}
            onChange={(e) => edit({ body: e.currentTarget.value })}
          />
          <div>
            <Text size="sm" fw={500}>
              {t('settings.templates.placeholders')}
            </Text>
            <Text size="xs" c="dimmed" mb={6}>
              {t('settings.templates.placeholderHelp')}
            </Text>
            <Group gap={6}>
              {data.placeholders.map((p) => (
                <Badge
                  key={p}
                  component="button"
                  type="button"
                  variant="light"
                  style={{ cursor: 'pointer', textTransform: 'none' }}
                  onClick={() => edit({ body: `${draft.body}{${p}}` })}
                >
                  {`{${p}}`}
                </Badge>
              ))}
            </Group>
          </div>
          {invalid && <Alert color="orange">{t('settings.templates.invalid')}</Alert>}
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => edit(entry.defaults[lang])}>
              {t('settings.templates.resetDefault')}
            </Button>
            <Button
              onClick={() => save.mutate()}
              disabled={Object.keys(drafts).length === 0 || invalid}
              loading={save.isPending}
            >
              {t('settings.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Preview name={name} lang={lang} draft={draft} />
    </SimpleGrid>
  );
}

/** Administration → Email templates (SPEC 5): pick a template, edit it per language, see it rendered. */
export function MailTemplatesPage() {
  const { t } = useTranslation();
  const [name, setName] = useState<TemplateName>('confirmation');
  const templates = useQuery({ queryKey: mailKeys.templates, queryFn: getMailTemplates });
  return (
    <>
      <PageHeader title={t('settings.templates.title')} description={t('settings.templates.description')} />
      <Select
        label={t('settings.templates.template')}
        allowDeselect={false}
        maw={360}
        mb="lg"
        data={TEMPLATE_NAMES.map((n) => ({ value: n, label: t(`settings.templates.names.${n}`) }))}
        value={name}
        onChange={(v) => v && setName(v)}
      />
      {templates.isPending && <Loader />}
      {templates.isError && <Alert color="red">{t('settings.loadFailed')}</Alert>}
      {/* A new editor per template: its drafts belong to that template only. */}
      {templates.data && <Editor key={name} data={templates.data} name={name} />}
    </>
  );
}

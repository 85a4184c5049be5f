import {
  Alert,
  Button,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { CreateTicketInput } from '../../../common/schemas/ticket.schema.js';
import { createTicket, ticketKeys } from '../../api/tickets.api.js';
import { IconAlert } from '../../components/icons.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RichTextEditor } from '../../components/RichTextEditor.js';
import { useErrorText } from '../../components/useErrorText.js';
import { useSignedInUser } from '../auth/session.js';
import { CustomFieldInputs } from './customfields/CustomFieldInput.js';
import { serverIssues } from './customfields/customFieldValues.js';
import { useCreationCustomFields } from './customfields/useCustomFieldsDraft.js';
import { AttachmentPicker, useUploadAttachments } from './documents/index.js';
import { useAssignableUsers, useClassification, useContacts, type ClassificationKind } from './lookups.js';
import { EquipmentSelect } from './EquipmentSelect.js';
import { ThirdpartySelect } from './ThirdpartySelect.js';

type Origin = 'staff' | 'phone';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="lg" p="lg">
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="md" style={{ letterSpacing: '0.04em' }}>
        {title}
      </Text>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

/** `/tickets/new` (`?thirdpartyId=` preselects the customer): records a request, then opens it. */
export function NewTicketPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useSignedInUser();
  const [params] = useSearchParams();
  const classification = useClassification();
  const users = useAssignableUsers();
  const upload = useUploadAttachments();

  const preselected = Number(params.get('thirdpartyId'));
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  // Unset codes follow the dictionary defaults, so the selects show them without racing their loading.
  const [codes, setCodes] = useState<Partial<Record<ClassificationKind, string>>>({});
  const [thirdpartyId, setThirdpartyId] = useState<number | null>(
    Number.isInteger(preselected) && preselected > 0 ? preselected : null,
  );
  const [contactId, setContactId] = useState<number | null>(null);
  const [equipmentId, setEquipmentId] = useState<number | null>(null);
  const [assigneeId, setAssigneeId] = useState<number | null>(null);
  const [origin, setOrigin] = useState<Origin>('staff');
  const [files, setFiles] = useState<File[]>([]);
  const [showErrors, setShowErrors] = useState(false);
  const contacts = useContacts(thirdpartyId);
  const custom = useCreationCustomFields();

  const code = (kind: ClassificationKind) => codes[kind] ?? classification.defaultCode(kind) ?? null;
  const subjectError = !subject.trim()
    ? t('validation.required')
    : subject.trim().length > 255
      ? t('tickets.form.subjectTooLong')
      : null;
  const messageError = !message ? t('validation.required') : null;

  const create = useMutation({
    mutationFn: async () => {
      const input: CreateTicketInput = {
        subject: subject.trim(),
        message,
        origin,
        ...(code('type') ? { typeCode: code('type') ?? undefined } : {}),
        ...(code('category') ? { categoryCode: code('category') ?? undefined } : {}),
        ...(code('severity') ? { severityCode: code('severity') ?? undefined } : {}),
        thirdpartyId,
        contactId,
        ...(equipmentId === null ? {} : { equipmentId }),
        assigneeId,
        ...(Object.keys(custom.values).length > 0 ? { customFields: custom.values } : {}),
      };
      const ticket = await createTicket(input);
      let uploadError: unknown = null;
      if (files.length > 0) {
        // The ticket exists whatever happens to the files: report a failed upload, do not lose the ticket.
        await upload.mutateAsync({ ticketId: ticket.id, files }).catch((err: unknown) => {
          uploadError = err;
        });
      }
      return { ticket, uploadError };
    },
    onSuccess: ({ ticket, uploadError }) => {
      void queryClient.invalidateQueries({ queryKey: ticketKeys.all });
      notifications.show({ color: 'teal', message: t('tickets.form.created', { ref: ticket.ref }) });
      if (uploadError) {
        notifications.show({
          color: 'orange',
          autoClose: false,
          message: t('tickets.form.uploadFailed', { message: errorText(uploadError) }),
        });
      }
      void navigate(`/tickets/${ticket.id}`);
    },
    onError: custom.acceptServerError,
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (subjectError || messageError || custom.invalid) return;
    create.mutate();
  };

  const assigneeData = users.data
    ? users.data.map((u) => ({
        value: String(u.id),
        label: u.id === me.id ? `${u.name} (${t('tickets.filters.assigneeMe')})` : u.name,
      }))
    : [{ value: String(me.id), label: `${me.name} (${t('tickets.filters.assigneeMe')})` }];

  return (
    <form onSubmit={submit} noValidate aria-label={t('tickets.form.title')}>
      <PageHeader title={t('tickets.form.title')} description={t('tickets.form.description')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Section title={t('tickets.form.sections.request')}>
            <TextInput
              label={t('tickets.form.subject')}
              placeholder={t('tickets.form.subjectPlaceholder')}
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              error={showErrors ? subjectError : null}
              required
              autoFocus
            />
            <RichTextEditor
              label={t('tickets.form.message')}
              onChange={setMessage}
              error={showErrors ? messageError : undefined}
              required
              minHeight={200}
            />
            <AttachmentPicker label={t('tickets.form.attachments')} files={files} onChange={setFiles} />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <Section title={t('tickets.form.sections.classification')}>
              {(['type', 'category', 'severity'] as const).map((kind) => (
                <Select
                  key={kind}
                  label={t(`tickets.form.${kind}`)}
                  data={classification.options(kind)}
                  value={code(kind)}
                  onChange={(v) => v && setCodes((c) => ({ ...c, [kind]: v }))}
                  allowDeselect={false}
                />
              ))}
            </Section>
            {custom.fields.length > 0 && (
              <Section title={t('customFields.section')}>
                <CustomFieldInputs
                  fields={custom.fields}
                  values={custom.drafts}
                  errors={custom.errors(showErrors)}
                  onChange={custom.set}
                />
              </Section>
            )}
            <Section title={t('tickets.form.sections.customer')}>
              <ThirdpartySelect
                label={t('tickets.form.customer')}
                placeholder={t('tickets.form.customerPlaceholder')}
                value={thirdpartyId}
                onChange={(id) => {
                  setThirdpartyId(id);
                  setContactId(null);
                  setEquipmentId(null);
                }}
              />
              <Select
                label={t('tickets.form.contact')}
                placeholder={t('tickets.form.contactPlaceholder')}
                data={(contacts.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
                value={contactId === null ? null : String(contactId)}
                onChange={(v) => setContactId(v ? Number(v) : null)}
                disabled={thirdpartyId === null}
                nothingFoundMessage={t('tickets.form.noContact')}
                clearable
              />
              <EquipmentSelect thirdpartyId={thirdpartyId} value={equipmentId} onChange={setEquipmentId} />
              <Select
                label={t('tickets.form.assignee')}
                placeholder={t('tickets.form.assigneePlaceholder')}
                data={assigneeData}
                value={assigneeId === null ? null : String(assigneeId)}
                onChange={(v) => setAssigneeId(v ? Number(v) : null)}
                searchable
                clearable
              />
              <div>
                <Text size="sm" fw={500} mb={4} id="new-ticket-origin">
                  {t('tickets.form.origin')}
                </Text>
                <SegmentedControl<Origin>
                  aria-labelledby="new-ticket-origin"
                  fullWidth
                  value={origin}
                  onChange={setOrigin}
                  data={(['staff', 'phone'] as const).map((o) => ({
                    value: o,
                    label: t(`tickets.origin.${o}`),
                  }))}
                />
              </div>
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      {create.isError && (
        <Alert color="red" icon={<IconAlert />} mt="lg" role="alert">
          {serverIssues(create.error) ? t('customFields.issues.checkFields') : errorText(create.error)}
        </Alert>
      )}
      <Group justify="flex-end" mt="lg">
        <Button component={Link} to="/tickets" variant="default">
          {t('tickets.form.cancel')}
        </Button>
        <Button type="submit" loading={create.isPending}>
          {t('tickets.form.submit')}
        </Button>
      </Group>
    </form>
  );
}

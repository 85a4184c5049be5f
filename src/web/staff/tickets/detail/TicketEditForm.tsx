import { Button, Group, Select, Slider, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateTicketInput } from '../../../../common/schemas/ticket.schema.js';
import { updateTicket, type Ticket } from '../../../api/tickets.api.js';
import { useFormat } from '../../../components/format.js';
import { EquipmentSelect } from '../EquipmentSelect.js';
import { useClassification, useContacts } from '../lookups.js';
import { ThirdpartySelect } from '../ThirdpartySelect.js';
import { useTicketCommand } from './useTicketCommand.js';

type Draft = Required<
  Pick<UpdateTicketInput, 'subject' | 'typeCode' | 'categoryCode' | 'severityCode' | 'progress'>
> & { thirdpartyId: number | null; contactId: number | null; equipmentId: number | null };

const draftOf = (t: Ticket): Draft => ({
  subject: t.subject,
  typeCode: t.typeCode,
  categoryCode: t.categoryCode,
  severityCode: t.severityCode,
  progress: t.progress,
  thirdpartyId: t.thirdpartyId,
  contactId: t.contactId,
  equipmentId: t.equipmentId,
});

/**
 * Edits subject, classification, customer and progress in place. Only the changed fields are sent, with
 * the version the form started from: a concurrent change answers 409 and the page reloads the ticket.
 */
export function TicketEditForm({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const classification = useClassification();
  const [draft, setDraft] = useState<Draft>(() => draftOf(ticket));
  const contacts = useContacts(draft.thirdpartyId);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const subjectError =
    draft.subject.trim() === ''
      ? t('validation.required')
      : draft.subject.length > 255
        ? t('tickets.form.subjectTooLong')
        : null;

  const save = useTicketCommand(
    ticket.id,
    () => {
      const before = draftOf(ticket);
      const patch: UpdateTicketInput = { version: ticket.version };
      for (const key of Object.keys(draft) as (keyof Draft)[]) {
        if (draft[key] !== before[key]) Object.assign(patch, { [key]: draft[key] });
      }
      if (patch.subject !== undefined) patch.subject = patch.subject.trim();
      return updateTicket(ticket.id, patch);
    },
    { success: t('tickets.edit.saved'), onSuccess: onDone },
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!subjectError) save.mutate();
      }}
      aria-label={t('tickets.edit.title')}
    >
      <Stack gap="sm">
        <TextInput
          label={t('tickets.form.subject')}
          value={draft.subject}
          onChange={(e) => set('subject', e.currentTarget.value)}
          error={subjectError}
          required
        />
        <Select
          label={t('tickets.form.type')}
          data={classification.options('type', ticket.typeCode)}
          value={draft.typeCode}
          onChange={(v) => v && set('typeCode', v)}
          allowDeselect={false}
        />
        <Select
          label={t('tickets.form.category')}
          data={classification.options('category', ticket.categoryCode)}
          value={draft.categoryCode}
          onChange={(v) => v && set('categoryCode', v)}
          allowDeselect={false}
        />
        <Select
          label={t('tickets.form.severity')}
          data={classification.options('severity', ticket.severityCode)}
          value={draft.severityCode}
          onChange={(v) => v && set('severityCode', v)}
          allowDeselect={false}
        />
        <ThirdpartySelect
          label={t('tickets.form.customer')}
          placeholder={t('tickets.form.customerPlaceholder')}
          value={draft.thirdpartyId}
          onChange={(id) => setDraft((d) => ({ ...d, thirdpartyId: id, contactId: null, equipmentId: null }))}
        />
        <Select
          label={t('tickets.form.contact')}
          placeholder={t('tickets.form.contactPlaceholder')}
          data={(contacts.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          value={draft.contactId === null ? null : String(draft.contactId)}
          onChange={(v) => set('contactId', v ? Number(v) : null)}
          disabled={draft.thirdpartyId === null}
          nothingFoundMessage={t('tickets.form.noContact')}
          clearable
        />
        <EquipmentSelect
          thirdpartyId={draft.thirdpartyId}
          value={draft.equipmentId}
          onChange={(id) => set('equipmentId', id)}
        />
        <div>
          <Text size="sm" fw={500} id="edit-progress-label">
            {t('tickets.detail.progress')}
          </Text>
          <Slider
            aria-labelledby="edit-progress-label"
            value={draft.progress}
            onChange={(v) => set('progress', v)}
            step={5}
            label={(v) => format.percent(v)}
            marks={[0, 25, 50, 75, 100].map((v) => ({ value: v, label: format.percent(v) }))}
            mb="lg"
            mt={6}
          />
        </div>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('tickets.edit.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('tickets.edit.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

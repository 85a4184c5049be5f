import {
  Alert,
  Button,
  ColorInput,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DictionaryKind } from '../../../../common/tickets.js';
import type { DictionaryEntry } from '../../../api/dictionaries.api.js';
import { currentLanguage } from '../../../i18n/i18n.js';
import { useDictionaryErrorText, useSaveEntry } from './dictionaries.hooks.js';
import {
  initialValues,
  toCreateInput,
  toUpdateInput,
  validateEntry,
  type EntryFormValues,
} from './dictionaryForm.js';

/** Create an entry (`entry` null) or edit one; the code never changes once created. */
export function DictionaryEntryModal({
  opened,
  onClose,
  kind,
  entry,
  entries,
}: {
  opened: boolean;
  onClose: () => void;
  kind: DictionaryKind;
  entry: DictionaryEntry | null;
  /** The dictionary's entries, for the parent category choice. */
  entries: DictionaryEntry[];
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        entry ? t('dictionaries.form.editTitle', { code: entry.code }) : t('dictionaries.form.createTitle')
      }
    >
      <EntryForm kind={kind} entry={entry} entries={entries} onDone={onClose} />
    </Modal>
  );
}

function EntryForm({
  kind,
  entry,
  entries,
  onDone,
}: {
  kind: DictionaryKind;
  entry: DictionaryEntry | null;
  entries: DictionaryEntry[];
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const errorText = useDictionaryErrorText();
  const [values, setValues] = useState<EntryFormValues>(() => initialValues(entry));
  const [showErrors, setShowErrors] = useState(false);
  const save = useSaveEntry(kind, entry?.code ?? null, onDone);
  const errors = validateEntry(values, kind, entry === null);
  const set = <K extends keyof EntryFormValues>(key: K, value: EntryFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const shown = (key: keyof typeof errors, invalid: string) =>
    showErrors && errors[key] ? (errors[key] === 'required' ? t('validation.required') : invalid) : null;
  // The entry itself cannot be its own parent; the server also refuses deeper loops.
  const parents = entries
    .filter((e) => e.code !== entry?.code)
    .map((e) => ({ value: e.code, label: `${e.label[language]} (${e.code})` }));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setShowErrors(true);
    if (Object.keys(errors).length > 0) return;
    save.mutate(entry ? toUpdateInput(values, entry, kind) : toCreateInput(values, kind));
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.error && (
          <Alert color="red" role="alert">
            {errorText(save.error)}
          </Alert>
        )}
        {entry === null && (
          <TextInput
            label={t('dictionaries.form.code')}
            description={t('dictionaries.form.codeHint')}
            required
            maxLength={32}
            data-autofocus
            value={values.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            error={shown('code', t('dictionaries.form.codeInvalid'))}
          />
        )}
        <TextInput
          label={t('dictionaries.form.labelFr')}
          required
          maxLength={100}
          value={values.labelFr}
          onChange={(e) => set('labelFr', e.currentTarget.value)}
          error={shown('labelFr', '')}
        />
        <TextInput
          label={t('dictionaries.form.labelEn')}
          required
          maxLength={100}
          value={values.labelEn}
          onChange={(e) => set('labelEn', e.currentTarget.value)}
          error={shown('labelEn', '')}
        />
        <NumberInput
          label={t('dictionaries.form.position')}
          description={t('dictionaries.form.positionHint')}
          min={0}
          max={10000}
          allowDecimal={false}
          allowNegative={false}
          value={values.position}
          onChange={(v) => set('position', typeof v === 'number' ? v : '')}
        />
        {kind === 'ticket-categories' && (
          <>
            <Select
              label={t('dictionaries.form.parent')}
              placeholder={t('dictionaries.form.noParent')}
              data={parents}
              value={values.parentCode}
              onChange={(v) => set('parentCode', v)}
              clearable
              searchable
            />
            <Switch
              label={t('dictionaries.form.public')}
              checked={values.public}
              onChange={(e) => set('public', e.currentTarget.checked)}
            />
          </>
        )}
        {kind === 'ticket-severities' && (
          <ColorInput
            label={t('dictionaries.form.color')}
            format="hex"
            value={values.color}
            onChange={(v) => set('color', v)}
            error={shown('color', t('dictionaries.form.colorInvalid'))}
          />
        )}
        <Switch
          label={t('dictionaries.form.active')}
          checked={values.active}
          // The default stays active (the server refuses otherwise): say it here rather than after saving.
          disabled={values.isDefault}
          onChange={(e) => set('active', e.currentTarget.checked)}
        />
        <Switch
          label={t('dictionaries.form.isDefault')}
          checked={values.isDefault}
          disabled={entry?.isDefault === true}
          description={entry?.isDefault ? t('dictionaries.defaultHint') : undefined}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            setValues((v) => ({ ...v, isDefault: checked, active: checked ? true : v.active }));
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('dictionaries.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('dictionaries.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

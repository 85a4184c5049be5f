import { Alert, Button, Group, Modal, Radio, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELD_GROUPS, CUSTOM_FIELD_TYPES } from '../../../../common/customFields.js';
import { useSaveCustomField, type CustomField } from '../../../api/customFields.api.js';
import {
  emptyOption,
  hasErrors,
  hasOptions,
  initialValues,
  LABEL_MAX,
  toCreateInput,
  toUpdateInput,
  validateField,
  type FieldFormValues,
} from './customFieldForm.js';
import { OptionsEditor } from './OptionsEditor.js';
import { useCustomFieldErrorText } from './useCustomFieldErrorText.js';

/** Create a field (`field` null) or edit one; the key and the type never change once created. */
export function CustomFieldModal({
  opened,
  onClose,
  field,
}: {
  opened: boolean;
  onClose: () => void;
  field: CustomField | null;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={
        field ? t('customFields.form.editTitle', { key: field.key }) : t('customFields.form.createTitle')
      }
    >
      {/* Keyed so that each opening starts from the field as it is now. */}
      <FieldForm key={field?.id ?? 'new'} field={field} onDone={onClose} />
    </Modal>
  );
}

function FieldForm({ field, onDone }: { field: CustomField | null; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useCustomFieldErrorText();
  const [values, setValues] = useState<FieldFormValues>(() => initialValues(field));
  const [showErrors, setShowErrors] = useState(false);
  const save = useSaveCustomField(field?.id ?? null, () => {
    notifications.show({ color: 'teal', message: t('customFields.saved') });
    onDone();
  });
  const creating = field === null;
  const errors = validateField(values, creating);
  const set = <K extends keyof FieldFormValues>(key: K, value: FieldFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const shown = (problem: string | undefined, invalid: string) => {
    if (!showErrors || !problem) return null;
    if (problem === 'required') return t('validation.required');
    if (problem === 'tooLong') return t('customFields.form.tooLong', { max: LABEL_MAX });
    return invalid;
  };

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setShowErrors(true);
    if (hasErrors(errors)) return;
    if (field === null) {
      save.mutate(toCreateInput(values));
      return;
    }
    const patch = toUpdateInput(values, field);
    if (Object.keys(patch).length === 0) onDone();
    else save.mutate(patch);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.error && (
          <Alert color="red" role="alert">
            {errorText(save.error)}
          </Alert>
        )}
        {creating ? (
          <Group grow align="flex-start">
            <TextInput
              label={t('customFields.form.key')}
              description={t('customFields.form.keyHint')}
              required
              maxLength={40}
              data-autofocus
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              value={values.key}
              onChange={(e) => set('key', e.currentTarget.value)}
              error={shown(errors.key, t('customFields.form.keyInvalid'))}
            />
            <Select
              label={t('customFields.form.type')}
              required
              allowDeselect={false}
              data={CUSTOM_FIELD_TYPES.map((type) => ({
                value: type,
                label: t(`customFields.types.${type}`),
              }))}
              value={values.type}
              onChange={(type) => {
                if (!type) return;
                const next = type;
                // A new select starts with one empty row to fill, rather than an error to read.
                setValues((v) => ({
                  ...v,
                  type: next,
                  options: hasOptions(next) && v.options.length === 0 ? [emptyOption()] : v.options,
                }));
              }}
            />
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('customFields.form.typeFixed', { type: t(`customFields.types.${values.type}`) })}
          </Text>
        )}
        <Group grow align="flex-start">
          <TextInput
            label={t('customFields.form.labelFr')}
            required
            maxLength={LABEL_MAX}
            value={values.labelFr}
            onChange={(e) => set('labelFr', e.currentTarget.value)}
            error={shown(errors.labelFr, '')}
          />
          <TextInput
            label={t('customFields.form.labelEn')}
            required
            maxLength={LABEL_MAX}
            value={values.labelEn}
            onChange={(e) => set('labelEn', e.currentTarget.value)}
            error={shown(errors.labelEn, '')}
          />
        </Group>
        <Radio.Group
          label={t('customFields.form.group')}
          value={values.group}
          onChange={(g) => set('group', g)}
        >
          <Stack gap="xs" mt={6}>
            {CUSTOM_FIELD_GROUPS.map((g) => (
              <Radio
                key={g}
                value={g}
                label={`${g} · ${t(`customFields.groups.${g}.label`)}`}
                description={t(`customFields.groups.${g}.hint`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        {hasOptions(values.type) && (
          <OptionsEditor
            options={values.options}
            onChange={(options) => set('options', options)}
            errors={errors}
            showErrors={showErrors}
          />
        )}
        <Switch
          label={t('customFields.form.required')}
          description={t('customFields.form.requiredHint')}
          checked={values.required}
          onChange={(e) => set('required', e.currentTarget.checked)}
        />
        <Switch
          label={t('customFields.form.active')}
          description={t('customFields.form.activeHint')}
          checked={values.active}
          onChange={(e) => set('active', e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('customFields.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('customFields.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconPlus, IconTrash } from '../../../components/ticketIcons.js';
import { emptyOption, type FieldFormErrors, type OptionDraft } from './customFieldForm.js';

type RowErrors = NonNullable<FieldFormErrors['optionRows']>[number];

/** The choices of a select or multiselect field: value, French and English labels, one row each. */
export function OptionsEditor({
  options,
  onChange,
  errors,
  showErrors,
}: {
  options: OptionDraft[];
  onChange: (options: OptionDraft[]) => void;
  errors: FieldFormErrors;
  showErrors: boolean;
}) {
  const { t } = useTranslation();
  const setRow = (index: number, patch: Partial<OptionDraft>) =>
    onChange(options.map((o, i) => (i === index ? { ...o, ...patch } : o)));
  const message = (problem: RowErrors[keyof RowErrors], invalid: string) => {
    if (!showErrors || !problem) return null;
    if (problem === 'required') return t('validation.required');
    if (problem === 'duplicate') return t('customFields.form.optionValueDuplicate');
    if (problem === 'tooLong') return t('customFields.form.tooLong', { max: 100 });
    return invalid;
  };

  return (
    <Fieldset legend={t('customFields.form.options')} variant="filled" radius="md">
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {t('customFields.form.optionsHint')}
        </Text>
        {options.map((option, i) => {
          const row = errors.optionRows?.[i] ?? {};
          const n = i + 1;
          return (
            <Group
              key={i}
              gap="xs"
              align="flex-start"
              wrap="nowrap"
              role="group"
              aria-label={t('customFields.form.optionRow', { n })}
            >
              <TextInput
                style={{ flex: '1 1 0' }}
                label={t('customFields.form.optionValue')}
                maxLength={64}
                value={option.value}
                disabled={option.saved}
                onChange={(e) => setRow(i, { value: e.currentTarget.value })}
                error={message(row.value, t('customFields.form.optionValueInvalid'))}
              />
              <TextInput
                style={{ flex: '1 1 0' }}
                label={t('customFields.form.optionLabelFr')}
                maxLength={100}
                value={option.labelFr}
                onChange={(e) => setRow(i, { labelFr: e.currentTarget.value })}
                error={message(row.labelFr, '')}
              />
              <TextInput
                style={{ flex: '1 1 0' }}
                label={t('customFields.form.optionLabelEn')}
                maxLength={100}
                value={option.labelEn}
                onChange={(e) => setRow(i, { labelEn: e.currentTarget.value })}
                error={message(row.labelEn, '')}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                aria-label={t('customFields.form.removeOption', { n })}
                onClick={() => onChange(options.filter((_, j) => j !== i))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          );
        })}
        {showErrors && errors.options && (
          <Text size="sm" c="red" role="alert">
            {t('customFields.form.optionsRequired')}
          </Text>
        )}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange([...options, emptyOption()])}
          >
            {t('customFields.form.addOption')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

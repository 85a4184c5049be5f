import { Checkbox, MultiSelect, NumberInput, Select, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MAX_LENGTH } from '../../../../common/customFields.js';
import type { CustomField } from '../../../api/customFields.api.js';
import { currentLanguage } from '../../../i18n/i18n.js';
import { DateField } from '../../fieldservice/shared/DateField.js';
import type { Draft, Drafts } from './customFieldValues.js';

const asText = (v: Draft | undefined) => (typeof v === 'string' ? v : v == null ? '' : String(v));
const asList = (v: Draft | undefined) => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []);

/**
 * The input a custom field's type calls for, labelled in the interface language and marked when
 * required. Options a ticket still holds but the definition dropped stay selectable, shown by value.
 */
export function CustomFieldInput({
  field,
  value,
  onChange,
  error,
}: {
  field: CustomField;
  value: Draft | undefined;
  onChange: (value: Draft) => void;
  error?: string | null;
}) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const label = field.label[language];
  const common = { label, required: field.required, error: error ?? null };
  const options = () => {
    const data = field.options.map((o) => ({ value: o.value, label: o.label[language] }));
    for (const v of asList(value)) if (!data.some((d) => d.value === v)) data.push({ value: v, label: v });
    return data;
  };

  switch (field.type) {
    case 'textarea':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={MAX_LENGTH.textarea}
          value={asText(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          decimalSeparator={language === 'fr' ? ',' : '.'}
          value={typeof value === 'number' || typeof value === 'string' ? value : ''}
          onChange={(v) => onChange(v)}
        />
      );
    case 'date':
      return (
        <DateField
          {...common}
          clearable
          value={typeof value === 'string' && value ? value : null}
          onChange={(v) => onChange(v)}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={options()}
          value={typeof value === 'string' && value ? value : null}
          onChange={(v) => onChange(v)}
          searchable={field.options.length > 7}
          clearable
        />
      );
    case 'multiselect':
      return (
        <MultiSelect
          {...common}
          data={options()}
          value={asList(value)}
          onChange={(v) => onChange(v)}
          searchable={field.options.length > 7}
          clearable
        />
      );
    case 'checkbox':
      return (
        <Checkbox
          label={
            <>
              {label}
              {field.required && (
                <Text span c="red" aria-hidden>
                  {' *'}
                </Text>
              )}
            </>
          }
          aria-required={field.required || undefined}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
          error={error ?? null}
        />
      );
    case 'email':
    case 'url':
    case 'phone':
    case 'text':
      return (
        <TextInput
          {...common}
          type={field.type === 'phone' ? 'tel' : field.type === 'text' ? 'text' : field.type}
          placeholder={field.type === 'url' ? 'https://' : undefined}
          maxLength={MAX_LENGTH[field.type]}
          value={asText(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}

/** The inputs of several fields, in their order; `errors` by key. */
export function CustomFieldInputs({
  fields,
  values,
  errors,
  onChange,
}: {
  fields: readonly CustomField[];
  values: Drafts;
  errors: Record<string, string>;
  onChange: (key: string, value: Draft) => void;
}) {
  return (
    <>
      {fields.map((f) => (
        <CustomFieldInput
          key={f.key}
          field={f}
          value={values[f.key]}
          error={errors[f.key]}
          onChange={(v) => onChange(f.key, v)}
        />
      ))}
    </>
  );
}

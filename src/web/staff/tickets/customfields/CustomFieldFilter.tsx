import '@mantine/dates/styles.css';
import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Pill,
  SegmentedControl,
  Select,
  Stack,
  TextInput,
} from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomFields, type CustomField } from '../../../api/customFields.api.js';
import { currentLanguage } from '../../../i18n/i18n.js';
import { customFilters, withCustomFilter } from '../list/listParams.js';
import { useFieldLabel, useValueText } from './customFieldValues.js';
import { decodeFilter, emptyFilterDraft, encodeFilter, type FilterDraft } from './customFilter.js';

/** The value input a field's type calls for, in the filter row. */
function FilterValueInput({
  field,
  draft,
  onChange,
}: {
  field: CustomField;
  draft: FilterDraft;
  onChange: (draft: FilterDraft) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const set = (patch: Partial<FilterDraft>) => onChange({ ...draft, ...patch });
  const label = t('customFields.filter.value');
  switch (field.type) {
    case 'select':
    case 'multiselect':
      return (
        <MultiSelect
          label={label}
          placeholder={draft.choices.length ? undefined : t('customFields.filter.choose')}
          data={field.options.map((o) => ({ value: o.value, label: o.label[language] }))}
          value={draft.choices}
          onChange={(choices) => set({ choices })}
          miw={220}
        />
      );
    case 'checkbox':
      return (
        <SegmentedControl
          aria-label={label}
          value={draft.flag ?? ''}
          onChange={(flag) => set({ flag: flag === 'true' ? 'true' : 'false' })}
          data={[
            { value: 'true', label: t('customFields.yes') },
            { value: 'false', label: t('customFields.no') },
          ]}
        />
      );
    case 'number':
      return (
        <>
          <NumberInput
            label={t('customFields.filter.from')}
            w={120}
            decimalSeparator={language === 'fr' ? ',' : '.'}
            value={draft.min}
            onChange={(min) => set({ min })}
          />
          <NumberInput
            label={t('customFields.filter.to')}
            w={120}
            decimalSeparator={language === 'fr' ? ',' : '.'}
            value={draft.max}
            onChange={(max) => set({ max })}
          />
        </>
      );
    case 'date':
      return (
        <DatesProvider settings={{ locale: language, firstDayOfWeek: 1 }}>
          <DatePickerInput
            type="range"
            label={t('customFields.filter.dates')}
            placeholder={t('customFields.filter.datesPlaceholder')}
            valueFormat="D MMM YYYY"
            allowSingleDateInRange
            clearable
            miw={220}
            value={[draft.from, draft.to]}
            onChange={([from, to]) => set({ from, to })}
          />
        </DatesProvider>
      );
    case 'text':
    case 'textarea':
    case 'email':
    case 'url':
    case 'phone':
      return (
        <TextInput
          label={label}
          placeholder={t('customFields.filter.contains')}
          value={draft.text}
          onChange={(e) => set({ text: e.currentTarget.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }}
        />
      );
  }
}

/**
 * Filters the list by custom fields: pick a field, give a value fitting its type, and the filter joins
 * the URL as `cf.<key>`; each one shows as a chip that removes it.
 */
export function CustomFieldFilter({
  params,
  onChange,
}: {
  params: URLSearchParams;
  onChange: (next: URLSearchParams) => void;
}) {
  const { t } = useTranslation();
  const definitions = useCustomFields();
  const labelOf = useFieldLabel();
  const valueText = useValueText();
  const [key, setKey] = useState<string | null>(null);
  const [draft, setDraft] = useState<FilterDraft>(emptyFilterDraft);
  const all = definitions.data ?? [];
  const active = customFilters(params);
  if (all.length === 0 && active.length === 0) return null;
  const field = all.find((f) => f.key === key);
  const encoded = field ? encodeFilter(field, draft) : null;
  const apply = () => {
    if (!field || !encoded) return;
    onChange(withCustomFilter(params, field.key, encoded));
    setKey(null);
    setDraft(emptyFilterDraft());
  };

  const chipText = (fieldKey: string, value: string) => {
    const def = all.find((f) => f.key === fieldKey);
    const decoded = decodeFilter(def, value);
    const show = (v: string) =>
      def && (def.type === 'number' || def.type === 'date')
        ? valueText(def, def.type === 'number' ? Number(v) : v)
        : v;
    let text: string;
    if (decoded.kind === 'list')
      text = decoded.values
        .map((v) => (def ? valueText({ type: 'select', options: def.options }, v) : v))
        .join(', ');
    else if (decoded.kind === 'text')
      text = def?.type === 'checkbox' ? valueText(def, value === 'true') : `“${value}”`;
    else if (decoded.low === decoded.high) text = show(decoded.low);
    else if (!decoded.high) text = t('customFields.filter.atLeast', { value: show(decoded.low) });
    else if (!decoded.low) text = t('customFields.filter.atMost', { value: show(decoded.high) });
    else text = `${show(decoded.low)} – ${show(decoded.high)}`;
    return t('customFields.pair', { label: def ? labelOf(def) : fieldKey, value: text });
  };

  return (
    <Stack gap="xs" mt="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('customFields.filter.field')}
          placeholder={t('customFields.filter.fieldPlaceholder')}
          data={all.map((f) => ({
            value: f.key,
            label: f.active ? labelOf(f) : t('customFields.filter.inactive', { label: labelOf(f) }),
          }))}
          value={key}
          onChange={(k) => {
            setKey(k);
            setDraft(emptyFilterDraft());
          }}
          searchable
          clearable
          miw={220}
        />
        {field && <FilterValueInput field={field} draft={draft} onChange={setDraft} />}
        {field && (
          <Button variant="light" disabled={!encoded} onClick={apply}>
            {t('customFields.filter.apply')}
          </Button>
        )}
      </Group>
      {active.length > 0 && (
        <Group gap="xs" role="list" aria-label={t('customFields.filter.active')}>
          {active.map(([fieldKey, value]) => {
            const text = chipText(fieldKey, value);
            return (
              <Pill
                key={fieldKey}
                role="listitem"
                size="md"
                withRemoveButton
                onRemove={() => onChange(withCustomFilter(params, fieldKey, null))}
                removeButtonProps={{
                  'aria-label': t('customFields.filter.remove', { label: text }),
                  'aria-hidden': false,
                  tabIndex: 0,
                }}
              >
                {text}
              </Pill>
            );
          })}
        </Group>
      )}
    </Stack>
  );
}

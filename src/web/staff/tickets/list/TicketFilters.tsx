import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import 'dayjs/locale/en';
import {
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Switch,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORIGINS, SEARCH_IN, TICKET_STATUSES, type SearchIn } from '../../../../common/tickets.js';
import { IconSearch, IconX } from '../../../components/ticketIcons.js';
import { currentLanguage } from '../../../i18n/i18n.js';
import { CustomFieldFilter } from '../customfields/CustomFieldFilter.js';
import { useAssignableUsers, useClassification } from '../lookups.js';
import { ThirdpartySelect } from '../ThirdpartySelect.js';
import {
  hasFilters,
  splitList,
  statusSelection,
  withFilter,
  withoutFilters,
  withStatusSelection,
  type FilterKey,
} from './listParams.js';

/** A text filter typed freely: the URL follows after a short pause, or at once on Enter. */
function SearchField({
  value,
  onCommit,
  ...props
}: { value: string; onCommit: (value: string) => void } & Omit<
  React.ComponentProps<typeof TextInput>,
  'value' | 'onChange'
>) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = useDebouncedCallback((v: string) => onCommit(v.trim()), 400);
  return (
    <TextInput
      type="search"
      value={draft}
      onChange={(e) => {
        setDraft(e.currentTarget.value);
        commit(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          commit.cancel();
          onCommit(draft.trim());
        }
      }}
      {...props}
    />
  );
}

export function TicketFilters({
  params,
  onChange,
}: {
  params: URLSearchParams;
  onChange: (next: URLSearchParams) => void;
}) {
  const { t, i18n } = useTranslation();
  const classification = useClassification();
  const users = useAssignableUsers();
  const set = (key: FilterKey, value: string | null) => onChange(withFilter(params, key, value));
  const list = (key: FilterKey) => splitList(params.get(key));
  const setList = (key: FilterKey, values: string[]) => set(key, values.join(','));

  const statusData = [
    { value: 'open', label: t('tickets.filters.statusOpen') },
    { value: 'all', label: t('tickets.filters.statusAll') },
    ...TICKET_STATUSES.map((s) => ({ value: s, label: t(`tickets.status.${s}`) })),
  ];
  const assigneeData = [
    { value: 'me', label: t('tickets.filters.assigneeMe') },
    { value: 'unassigned', label: t('tickets.filters.assigneeUnassigned') },
    ...(users.data ?? []).map((u) => ({ value: String(u.id), label: u.name })),
  ];
  const createdFrom = params.get('createdFrom');
  const createdTo = params.get('createdTo');
  const thirdparty = params.get('thirdparty');

  return (
    <Paper withBorder radius="lg" p="md" mb="md">
      <Group align="flex-end" gap="sm" mb="sm" wrap="wrap">
        <div>
          <VisuallyHidden id="ticket-search-in">{t('tickets.filters.searchIn')}</VisuallyHidden>
          <SegmentedControl<SearchIn>
            aria-labelledby="ticket-search-in"
            value={(params.get('searchIn') as SearchIn | null) ?? 'both'}
            onChange={(v) => set('searchIn', v === 'both' ? null : v)}
            data={SEARCH_IN.map((v) => ({ value: v, label: t(`tickets.filters.searchInOptions.${v}`) }))}
          />
        </div>
        <SearchField
          style={{ flex: '1 1 220px' }}
          label={t('tickets.filters.search')}
          placeholder={t('tickets.filters.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={params.get('q') ?? ''}
          onCommit={(v) => set('q', v)}
        />
        <SearchField
          style={{ flex: '1 1 220px' }}
          label={t('tickets.filters.text')}
          placeholder={t('tickets.filters.textPlaceholder')}
          value={params.get('text') ?? ''}
          onCommit={(v) => set('text', v)}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" verticalSpacing="sm">
        <MultiSelect
          label={t('tickets.filters.status')}
          data={statusData}
          value={statusSelection(params)}
          onChange={(values) => onChange(withStatusSelection(params, values))}
        />
        <MultiSelect
          label={t('tickets.columns.type')}
          placeholder={list('type').length ? undefined : t('tickets.filters.any')}
          data={classification.options('type')}
          value={list('type')}
          onChange={(v) => setList('type', v)}
          clearable
        />
        <MultiSelect
          label={t('tickets.columns.category')}
          placeholder={list('category').length ? undefined : t('tickets.filters.any')}
          data={classification.options('category')}
          value={list('category')}
          onChange={(v) => setList('category', v)}
          clearable
        />
        <MultiSelect
          label={t('tickets.columns.severity')}
          placeholder={list('severity').length ? undefined : t('tickets.filters.any')}
          data={classification.options('severity')}
          value={list('severity')}
          onChange={(v) => setList('severity', v)}
          clearable
        />
        <Select
          label={t('tickets.columns.assignee')}
          placeholder={t('tickets.filters.any')}
          data={assigneeData}
          value={params.get('assignee')}
          onChange={(v) => set('assignee', v)}
          searchable
          clearable
        />
        <ThirdpartySelect
          label={t('tickets.columns.thirdparty')}
          placeholder={t('tickets.filters.any')}
          value={thirdparty ? Number(thirdparty) : null}
          onChange={(id) => set('thirdparty', id === null ? null : String(id))}
        />
        <MultiSelect
          label={t('tickets.filters.origin')}
          placeholder={list('origin').length ? undefined : t('tickets.filters.any')}
          data={ORIGINS.map((o) => ({ value: o, label: t(`tickets.origin.${o}`) }))}
          value={list('origin')}
          onChange={(v) => setList('origin', v)}
          clearable
        />
        <DatesProvider settings={{ locale: currentLanguage(i18n), firstDayOfWeek: 1 }}>
          <DatePickerInput
            type="range"
            label={t('tickets.filters.created')}
            placeholder={t('tickets.filters.createdPlaceholder')}
            valueFormat="D MMM YYYY"
            clearable
            allowSingleDateInRange
            value={[createdFrom, createdTo]}
            onChange={([from, to]) => {
              // The range is complete only with both ends; a half-chosen range changes nothing yet.
              if (from && !to) return;
              const next = withFilter(withFilter(params, 'createdFrom', from), 'createdTo', to);
              onChange(next);
            }}
          />
        </DatesProvider>
      </SimpleGrid>
      <CustomFieldFilter params={params} onChange={onChange} />
      <Group justify="space-between" mt="md">
        <Switch
          label={t('tickets.filters.overdueOnly')}
          checked={params.get('overdue') === 'true'}
          onChange={(e) => set('overdue', e.currentTarget.checked ? 'true' : null)}
        />
        <Button
          variant="subtle"
          color="gray"
          size="xs"
          leftSection={<IconX size={14} />}
          disabled={!hasFilters(params)}
          onClick={() => onChange(withoutFilters(params))}
        >
          {t('tickets.filters.reset')}
        </Button>
      </Group>
    </Paper>
  );
}

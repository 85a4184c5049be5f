import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useThirdparty, useThirdpartySearch } from './lookups.js';

/**
 * A customer company picked by name: the server searches (there may be thousands), the chosen one keeps
 * its label even when it is not among the results of the current search.
 */
export function ThirdpartySelect({
  value,
  onChange,
  ...props
}: {
  value: number | null;
  onChange: (id: number | null) => void;
} & Omit<SelectProps, 'value' | 'onChange' | 'data' | 'searchValue' | 'onSearchChange'>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // Nothing to search until someone opens the list.
  const [opened, setOpened] = useState(false);
  const [debounced] = useDebouncedValue(search, 250);
  const selected = useThirdparty(value);
  const selectedName = selected.data?.name ?? '';
  // Once a company is chosen the input shows its name: that is not a new search.
  const query = debounced === selectedName ? '' : debounced;
  const results = useThirdpartySearch(query, opened);

  const data = (results.data?.items ?? []).map((tp) => ({ value: String(tp.id), label: tp.name }));
  if (value !== null && selected.data && !data.some((d) => d.value === String(value))) {
    data.unshift({ value: String(value), label: selected.data.name });
  }

  return (
    <Select
      searchable
      clearable
      data={data}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onDropdownOpen={() => setOpened(true)}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('tickets.form.noCustomer')}
      {...props}
    />
  );
}

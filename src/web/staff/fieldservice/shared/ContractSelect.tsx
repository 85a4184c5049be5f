import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contractKeys, listContracts } from '../../../api/contracts.api.js';

/**
 * A contract of one customer (the API refuses another's with invalid_contract): the list holds only the
 * contracts of `thirdpartyId`, and stays disabled until a customer is chosen.
 */
export function ContractSelect({
  thirdpartyId,
  value,
  onChange,
  ...props
}: {
  thirdpartyId: number | null;
  value: number | null;
  onChange: (id: number | null) => void;
} & Omit<SelectProps, 'value' | 'onChange' | 'data'>) {
  const { t } = useTranslation();
  const filters = { thirdpartyId, limit: 200 };
  const contracts = useQuery({
    queryKey: contractKeys.list(filters),
    queryFn: () => listContracts(filters),
    enabled: thirdpartyId !== null,
  });
  const data = (contracts.data?.items ?? []).map((c) => ({
    value: String(c.id),
    label: `${c.ref} · ${c.label}`,
  }));
  return (
    <Select
      label={t('fieldservice.contracts.picker')}
      placeholder={
        thirdpartyId === null
          ? t('fieldservice.contracts.pickerNeedsCustomer')
          : t('fieldservice.contracts.pickerPlaceholder')
      }
      data={data}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      disabled={thirdpartyId === null}
      nothingFoundMessage={t('fieldservice.contracts.pickerNone')}
      searchable
      clearable
      {...props}
    />
  );
}

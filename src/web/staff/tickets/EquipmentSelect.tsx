import { Anchor, Select, Text, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { equipmentKeys, fetchEquipment, listEquipment } from '../../api/equipment.api.js';
import { useFieldservicePermissions } from '../fieldservice/shared/permissions.js';

/**
 * An item of one customer's park (SPEC 6: a ticket designates equipment of its own third party; the API
 * refuses another's with invalid_equipment). Only `thirdpartyId`'s equipment is offered; without a
 * customer the picker is disabled. The chosen item keeps its label even beyond the first 200.
 */
export function EquipmentSelect({
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
  // Users who may not read the park (neither thirdparty.read nor intervention.read) get no picker.
  const { readPark } = useFieldservicePermissions();
  const filters = { thirdpartyId, limit: 200 };
  const park = useQuery({
    queryKey: equipmentKeys.list(filters),
    queryFn: () => listEquipment(filters),
    enabled: readPark && thirdpartyId !== null,
    staleTime: 30_000,
  });
  const items = park.data?.items ?? [];
  const selected = useQuery({
    queryKey: equipmentKeys.one(value ?? 0),
    queryFn: () => fetchEquipment(value ?? 0),
    enabled: value !== null && park.isSuccess && !items.some((e) => e.id === value),
  });
  const data = items.map((e) => ({
    value: String(e.id),
    label: e.serialNumber ? `${e.label} · ${e.serialNumber}` : e.label,
  }));
  if (value !== null && selected.data && !data.some((d) => d.value === String(value))) {
    data.unshift({ value: String(value), label: selected.data.label });
  }
  if (!readPark) return null;
  return (
    <Select
      label={t('fieldservice.equipment.picker')}
      placeholder={
        thirdpartyId === null
          ? t('fieldservice.equipment.pickerNeedsCustomer')
          : t('fieldservice.equipment.pickerPlaceholder')
      }
      data={data}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      disabled={thirdpartyId === null}
      nothingFoundMessage={t('fieldservice.equipment.pickerNone')}
      searchable
      clearable
      {...props}
    />
  );
}

/** A ticket's equipment as a link to its card (label and serial number), for the properties. */
export function EquipmentLink({ equipmentId }: { equipmentId: number }) {
  const { readPark } = useFieldservicePermissions();
  const equipment = useQuery({
    queryKey: equipmentKeys.one(equipmentId),
    queryFn: () => fetchEquipment(equipmentId),
    enabled: readPark,
    staleTime: 30_000,
  });
  const label = equipment.data
    ? equipment.data.serialNumber
      ? `${equipment.data.label} · ${equipment.data.serialNumber}`
      : equipment.data.label
    : `#${equipmentId}`;
  if (!readPark) return <Text size="sm">{label}</Text>;
  return (
    <Anchor component={Link} to={`/equipment/${equipmentId}`} size="sm">
      {label}
    </Anchor>
  );
}

import type { EquipmentListItem } from '../../common/schemas/equipment.schema.js';
import type { EquipmentDetailRow } from './equipment.repository.js';

export function presentEquipmentItem(row: EquipmentDetailRow): EquipmentListItem {
  return {
    id: row.id,
    ref: row.ref,
    label: row.label,
    serialNumber: row.serial_number,
    thirdpartyId: row.thirdparty_id,
    thirdpartyName: row.thirdparty_name,
    contractId: row.contract_id,
    contractRef: row.contract_ref,
    location: row.location,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

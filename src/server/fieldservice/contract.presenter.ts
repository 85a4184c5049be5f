import type { ContractListItem, ContractStatus } from '../../common/schemas/contract.schema.js';
import type { ContractRowWithName } from './contract.repository.js';

/** A validated contract is active until its end date has passed (dates are whole UTC days), then expired. */
export function contractStatus(
  row: { state: string; end_date: string | null },
  today: string,
): ContractStatus {
  if (row.state === 'draft' || row.state === 'closed') return row.state;
  return row.end_date !== null && row.end_date < today ? 'expired' : 'active';
}

export function presentContractItem(
  row: ContractRowWithName,
  today: string,
  equipmentCount: number,
): ContractListItem {
  return {
    id: row.id,
    ref: row.ref,
    thirdpartyId: row.thirdparty_id,
    thirdpartyName: row.thirdparty_name,
    label: row.label,
    startDate: row.start_date,
    endDate: row.end_date,
    status: contractStatus(row, today),
    notes: row.notes,
    equipmentCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

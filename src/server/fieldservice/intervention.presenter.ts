import type {
  Intervention,
  InterventionListItem,
  InterventionStatus,
} from '../../common/schemas/intervention.schema.js';
import type { LinkedTicket } from '../../common/schemas/ticket-link.schema.js';
import type { InterventionDetailRow, InterventionLineRow } from './intervention.repository.js';

export const sumMinutes = (lines: readonly InterventionLineRow[]): number =>
  lines.reduce((s, l) => s + l.duration_minutes, 0);

export function presentInterventionItem(
  row: InterventionDetailRow,
  lines: readonly InterventionLineRow[],
  tickets: readonly LinkedTicket[],
): InterventionListItem {
  return {
    id: row.id,
    ref: row.ref,
    thirdpartyId: row.thirdparty_id,
    thirdpartyName: row.thirdparty_name,
    description: row.description,
    status: row.status as InterventionStatus,
    equipmentId: row.equipment_id,
    equipmentLabel: row.equipment_label,
    contractId: row.contract_id,
    contractRef: row.contract_ref,
    ticketIds: tickets.map((t) => t.id),
    durationMinutes: sumMinutes(lines),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentIntervention(
  row: InterventionDetailRow,
  lines: readonly InterventionLineRow[],
  tickets: readonly LinkedTicket[],
  canWrite: boolean,
): Intervention {
  return {
    ...presentInterventionItem(row, lines, tickets),
    tickets: [...tickets],
    lines: lines.map((l) => ({
      id: l.id,
      date: l.date,
      durationMinutes: l.duration_minutes,
      description: l.description,
    })),
    editable: canWrite && row.status !== 'done',
  };
}

/** Tables of field service: contracts, equipment, interventions, proposals, events, ticket links (migration 2026-11-28f). */
import type { Generated } from 'kysely';

export interface ContractsTable {
  id: Generated<number>;
  ref: string;
  thirdparty_id: number;
  label: string;
  start_date: string;
  end_date: string | null;
  /** draft, validated or closed; "active"/"expired" are read from the dates. */
  state: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface EquipmentTable {
  id: Generated<number>;
  ref: string;
  label: string;
  serial_number: string | null;
  serial_lower: string | null;
  thirdparty_id: number;
  contract_id: number | null;
  location: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface InterventionsTable {
  id: Generated<number>;
  ref: string;
  thirdparty_id: number;
  description: string;
  status: string;
  equipment_id: number | null;
  contract_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface InterventionLinesTable {
  id: Generated<number>;
  intervention_id: number;
  date: string;
  duration_minutes: number;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface ProposalsTable {
  id: Generated<number>;
  ref: string;
  thirdparty_id: number;
  status: string;
  valid_until: string | null;
  notes: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProposalLinesTable {
  id: Generated<number>;
  proposal_id: number;
  description: string;
  quantity_milli: number;
  unit_price_cents: number;
  vat_rate_milli: number;
  created_at: string;
  updated_at: string;
}

export interface EventsTable {
  id: Generated<number>;
  type_code: string;
  label: string;
  start_at: string;
  end_at: string;
  all_day: boolean;
  owner_id: number | null;
  thirdparty_id: number | null;
  done: boolean;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface TicketLinksTable {
  id: Generated<number>;
  ticket_id: number;
  object_type: string;
  object_id: number;
  created_at: string;
  created_by: number | null;
}

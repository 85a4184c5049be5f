import type {
  CreateEquipmentInput,
  Equipment,
  EquipmentListItem,
  EquipmentPage,
  UpdateEquipmentInput,
} from '../../common/schemas/equipment.schema.js';
import { api } from './client.js';
import { toQuery } from './contracts.api.js';

export type { Equipment, EquipmentListItem, EquipmentPage };

export interface EquipmentFilters {
  thirdpartyId?: number | null;
  contractId?: number | null;
  /** Serial number, ref or label. */
  q?: string;
  limit?: number;
  cursor?: string | null;
}

export const equipmentKeys = {
  all: ['equipment'] as const,
  list: (filters: EquipmentFilters) => ['equipment', 'list', filters] as const,
  one: (id: number) => ['equipment', id] as const,
};

export const listEquipment = (filters: EquipmentFilters) =>
  api.get<EquipmentPage>(`/equipment${toQuery(filters)}`);
export const fetchEquipment = (id: number) => api.get<Equipment>(`/equipment/${id}`);
export const createEquipment = (input: CreateEquipmentInput) => api.post<Equipment>('/equipment', input);
export const updateEquipment = (id: number, input: UpdateEquipmentInput) =>
  api.patch<Equipment>(`/equipment/${id}`, input);

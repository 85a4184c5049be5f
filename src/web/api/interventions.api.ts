import type {
  CreateInterventionFromTicketInput,
  CreateInterventionInput,
  Intervention,
  InterventionLine,
  InterventionLineInput,
  InterventionListItem,
  InterventionPage,
  InterventionStatus,
  UpdateInterventionInput,
  UpdateInterventionLineInput,
} from '../../common/schemas/intervention.schema.js';
import { api } from './client.js';
import { toQuery } from './contracts.api.js';

export type { Intervention, InterventionLine, InterventionListItem, InterventionPage, InterventionStatus };

export interface InterventionFilters {
  thirdpartyId?: number | null;
  equipmentId?: number | null;
  contractId?: number | null;
  ticketId?: number | null;
  status?: InterventionStatus | null;
  limit?: number;
  cursor?: string | null;
}

export const interventionKeys = {
  all: ['interventions'] as const,
  list: (filters: InterventionFilters) => ['interventions', 'list', filters] as const,
  one: (id: number) => ['interventions', id] as const,
};

export const listInterventions = (filters: InterventionFilters) =>
  api.get<InterventionPage>(`/interventions${toQuery(filters)}`);
export const fetchIntervention = (id: number) => api.get<Intervention>(`/interventions/${id}`);
export const createIntervention = (input: CreateInterventionInput) =>
  api.post<Intervention>('/interventions', input);
export const createInterventionFromTicket = (ticketId: number, input: CreateInterventionFromTicketInput) =>
  api.post<Intervention>(`/tickets/${ticketId}/interventions`, input);
export const updateIntervention = (id: number, input: UpdateInterventionInput) =>
  api.patch<Intervention>(`/interventions/${id}`, input);
export const setInterventionStatus = (id: number, status: InterventionStatus) =>
  api.post<Intervention>(`/interventions/${id}/status`, { status });

/** Every line change answers the whole intervention, its new total included. */
export const addInterventionLine = (id: number, input: InterventionLineInput) =>
  api.post<Intervention>(`/interventions/${id}/lines`, input);
export const updateInterventionLine = (id: number, lineId: number, input: UpdateInterventionLineInput) =>
  api.patch<Intervention>(`/interventions/${id}/lines/${lineId}`, input);
export const deleteInterventionLine = (id: number, lineId: number) =>
  api.delete<Intervention>(`/interventions/${id}/lines/${lineId}`);

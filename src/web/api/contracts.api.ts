import type {
  Contract,
  ContractListItem,
  ContractPage,
  ContractStatusInput,
  CreateContractInput,
  UpdateContractInput,
} from '../../common/schemas/contract.schema.js';
import { api } from './client.js';

export type { Contract, ContractListItem, ContractPage };

export interface ContractFilters {
  thirdpartyId?: number | null;
  status?: string | null;
  q?: string;
  limit?: number;
  cursor?: string | null;
}

/** A query string from filters, leaving out what is unset (the server's defaults apply). */
export function toQuery(filters: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Everything about contracts sits under ['contracts'], so one invalidation refreshes lists and cards. */
export const contractKeys = {
  all: ['contracts'] as const,
  list: (filters: ContractFilters) => ['contracts', 'list', filters] as const,
  one: (id: number) => ['contracts', id] as const,
};

export const listContracts = (filters: ContractFilters) =>
  api.get<ContractPage>(`/contracts${toQuery(filters)}`);
export const fetchContract = (id: number) => api.get<Contract>(`/contracts/${id}`);
export const createContract = (input: CreateContractInput) => api.post<Contract>('/contracts', input);
export const updateContract = (id: number, input: UpdateContractInput) =>
  api.patch<Contract>(`/contracts/${id}`, input);
export const setContractStatus = (id: number, status: ContractStatusInput['status']) =>
  api.post<Contract>(`/contracts/${id}/status`, { status });

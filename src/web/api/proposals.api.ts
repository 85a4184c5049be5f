import type {
  CreateProposalFromTicketInput,
  CreateProposalInput,
  Proposal,
  ProposalLine,
  ProposalLineInput,
  ProposalListItem,
  ProposalPage,
  ProposalStatus,
  UpdateProposalInput,
  UpdateProposalLineInput,
} from '../../common/schemas/proposal.schema.js';
import { api } from './client.js';
import { toQuery } from './contracts.api.js';

export type { Proposal, ProposalLine, ProposalLineInput, ProposalListItem, ProposalPage, ProposalStatus };

export interface ProposalFilters {
  thirdpartyId?: number | null;
  ticketId?: number | null;
  status?: ProposalStatus | null;
  limit?: number;
  cursor?: string | null;
}

export const proposalKeys = {
  all: ['proposals'] as const,
  list: (filters: ProposalFilters) => ['proposals', 'list', filters] as const,
  one: (id: number) => ['proposals', id] as const,
};

export const listProposals = (filters: ProposalFilters) =>
  api.get<ProposalPage>(`/proposals${toQuery(filters)}`);
export const fetchProposal = (id: number) => api.get<Proposal>(`/proposals/${id}`);
export const createProposal = (input: CreateProposalInput) => api.post<Proposal>('/proposals', input);
export const createProposalFromTicket = (ticketId: number, input: CreateProposalFromTicketInput) =>
  api.post<Proposal>(`/tickets/${ticketId}/proposals`, input);
export const updateProposal = (id: number, input: UpdateProposalInput) =>
  api.patch<Proposal>(`/proposals/${id}`, input);
export const setProposalStatus = (id: number, status: ProposalStatus) =>
  api.post<Proposal>(`/proposals/${id}/status`, { status });

/** Every line change answers the whole proposal with the totals the server computed in cents. */
export const addProposalLine = (id: number, input: ProposalLineInput) =>
  api.post<Proposal>(`/proposals/${id}/lines`, input);
export const updateProposalLine = (id: number, lineId: number, input: UpdateProposalLineInput) =>
  api.patch<Proposal>(`/proposals/${id}/lines/${lineId}`, input);
export const deleteProposalLine = (id: number, lineId: number) =>
  api.delete<Proposal>(`/proposals/${id}/lines/${lineId}`);

import type {
  PortalLinkInfo,
  PortalLinkSendInput,
  PortalLinkSent,
} from '../../common/schemas/portal.schema.js';
import { api } from './client.js';

export type { PortalLinkInfo, PortalLinkSendInput };

/** The personalized portal link of a third party (staff side). */
export const portalLinkKeys = {
  one: (thirdpartyId: number) => ['thirdparties', thirdpartyId, 'portal-link'] as const,
};

const path = (thirdpartyId: number) => `/thirdparties/${thirdpartyId}/portal-link`;

export const fetchPortalLink = (thirdpartyId: number) => api.get<PortalLinkInfo>(path(thirdpartyId));
/** Generates the link, or replaces it: the previous link stops working. */
export const rotatePortalLink = (thirdpartyId: number) => api.post<PortalLinkInfo>(path(thirdpartyId));
export const revokePortalLink = (thirdpartyId: number) => api.delete<undefined>(path(thirdpartyId));
export const sendPortalLink = (thirdpartyId: number, input: PortalLinkSendInput) =>
  api.post<PortalLinkSent>(`${path(thirdpartyId)}/send`, input);

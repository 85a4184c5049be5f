import type { Permission } from '../../../../common/permissions.js';

/** Catalog keys of the permissions: a new permission fails type-checking here until it has a label. */
export const PERMISSION_KEYS = {
  'ticket.read': 'ticketRead',
  'ticket.write': 'ticketWrite',
  'ticket.manage': 'ticketManage',
  'ticket.delete': 'ticketDelete',
  'ticket.export': 'ticketExport',
  'thirdparty.read': 'thirdpartyRead',
  'thirdparty.write': 'thirdpartyWrite',
  'intervention.read': 'interventionRead',
  'intervention.write': 'interventionWrite',
  'proposal.read': 'proposalRead',
  'proposal.write': 'proposalWrite',
  'agenda.read': 'agendaRead',
  'agenda.write': 'agendaWrite',
  admin: 'admin',
} as const satisfies Record<Permission, string>;

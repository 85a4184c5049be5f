import type { FastifyInstance } from 'fastify';
import { registerContractRoutes } from './contract.routes.js';
import type { EquipmentService } from './equipment.service.js';
import { registerEventRoutes } from './event.routes.js';
import type { Fieldservice } from './fieldservice.service.js';
import { registerInterventionRoutes } from './intervention.routes.js';
import { registerProposalRoutes } from './proposal.routes.js';
import { registerTicketLinkRoutes } from './ticket-link.routes.js';

/** Every field-service route (the list is at the top of src/common/schemas/contract.schema.ts). */
export function registerFieldserviceRoutes(
  app: FastifyInstance,
  deps: { fieldservice: Fieldservice; equipment: EquipmentService },
): void {
  registerContractRoutes(app, deps);
  registerInterventionRoutes(app, deps);
  registerProposalRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerTicketLinkRoutes(app, deps);
}

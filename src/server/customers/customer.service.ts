import { contactCommands } from './contact.commands.js';
import { createCustomerContext, type CustomerDeps } from './customer.context.js';
import { customerResolution } from './customer.resolve.js';
import { thirdpartyCommands } from './thirdparty.commands.js';

export type { CustomerInput, CustomerLink, ResolvedCustomer } from './customer.resolve.js';

/**
 * Customers (SPEC 3): third parties and their contacts, plus the resolution other domains use to link a
 * ticket to a customer. Reads need `thirdparty.read`, changes `thirdparty.write`.
 */
export function createCustomerService(deps: CustomerDeps) {
  const ctx = createCustomerContext(deps);
  return {
    ...thirdpartyCommands(ctx),
    ...contactCommands(ctx),
    ...customerResolution(ctx),
  };
}

export type CustomerService = ReturnType<typeof createCustomerService>;

import type { Kysely } from 'kysely';
import { createThirdpartyRepository } from '../customers/thirdparty.repository.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { createContractRepository } from './contract.repository.js';
import { createEquipmentRepository } from './equipment.repository.js';

/**
 * The references a field-service object holds must agree (SPEC 6): an existing third party, and equipment
 * and contracts of that same third party. Each check runs in the command's transaction (`ex`).
 */
export function createFieldserviceChecks(db: Db) {
  const thirdparties = createThirdpartyRepository(db);
  const contracts = createContractRepository(db);
  const equipment = createEquipmentRepository(db);

  return {
    /** The third party's name, or 400 invalid_customer. */
    async thirdparty(thirdpartyId: number, ex: Kysely<Database>): Promise<string> {
      const tp = await thirdparties.findById(thirdpartyId, ex);
      if (!tp) {
        throw new AppError('invalid_customer', 400, `Unknown third party ${thirdpartyId}`, {
          details: { thirdpartyId },
        });
      }
      return tp.name;
    },

    async contractOf(contractId: number | null, thirdpartyId: number, ex: Kysely<Database>): Promise<void> {
      if (contractId === null) return;
      const owner = await contracts.ownerOf(contractId, ex);
      if (owner !== thirdpartyId) {
        throw new AppError(
          'invalid_contract',
          400,
          owner === undefined
            ? `No contract ${contractId}`
            : `Contract ${contractId} belongs to another third party`,
          { details: { contractId, thirdpartyId } },
        );
      }
    },

    /** The equipment item's contract, once it is known to belong to the third party; else 400. */
    async equipmentOf(
      equipmentId: number | null,
      thirdpartyId: number,
      ex: Kysely<Database>,
    ): Promise<{ contractId: number | null }> {
      if (equipmentId === null) return { contractId: null };
      const row = await equipment.findById(equipmentId, ex);
      if (row?.thirdparty_id !== thirdpartyId) {
        throw new AppError(
          'invalid_equipment',
          400,
          row ? `Equipment ${equipmentId} belongs to another third party` : `No equipment ${equipmentId}`,
          { details: { equipmentId, thirdpartyId } },
        );
      }
      return { contractId: row.contract_id };
    },
  };
}

export type FieldserviceChecks = ReturnType<typeof createFieldserviceChecks>;

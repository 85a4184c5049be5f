import { useSignedInUser } from '../../auth/session.js';
import type { Permission } from '../../../../common/permissions.js';

/**
 * What the signed-in user may see and do in field service (the API checks again). Contracts and
 * equipment are readable with `thirdparty.read` or `intervention.read`, and changed with
 * `intervention.write` (route list in src/common/schemas/contract.schema.ts).
 */
export function fieldservicePermissions(permissions: readonly Permission[]) {
  const has = (p: Permission) => permissions.includes('admin') || permissions.includes(p);
  return {
    readPark: has('thirdparty.read') || has('intervention.read'),
    writePark: has('intervention.write'),
    readInterventions: has('intervention.read'),
    writeInterventions: has('intervention.write'),
    readProposals: has('proposal.read'),
    writeProposals: has('proposal.write'),
    readAgenda: has('agenda.read'),
    writeAgenda: has('agenda.write'),
  };
}

export type FieldservicePermissions = ReturnType<typeof fieldservicePermissions>;

export function useFieldservicePermissions(): FieldservicePermissions {
  return fieldservicePermissions(useSignedInUser().permissions);
}

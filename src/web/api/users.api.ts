import type { UserRef } from '../../common/schemas/user.schema.js';
import { api } from './client.js';

/** Active users who can be assigned tickets (any user with ticket.write may ask). */
export async function listAssignableUsers(): Promise<UserRef[]> {
  return (await api.get<{ items: UserRef[] }>('/users/assignable')).items;
}

/**
 * Fixtures for the customer integration tests (not a test file itself). It imports nothing from test/
 * so that the server build, which compiles src/server, stays within src.
 */
import crypto from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Permission } from '../../common/permissions.js';
import type { Db } from '../db/database.js';

interface Client {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

/** Creates a user whose only group grants `permissions`; answers the credentials to sign in with. */
export async function createUserWith(admin: Client, email: string, permissions: Permission[]) {
  const password = 'a long password 1';
  const user = await admin.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: { email, name: email, password },
  });
  const { id } = user.json<{ id: number }>();
  if (permissions.length) {
    await admin.request({
      method: 'POST',
      url: '/api/v1/groups',
      payload: { name: `g-${email}`, permissions, memberIds: [id] },
    });
  }
  return { email, password };
}

/** A bare ticket row: the tickets service belongs to another slice, these tests only need references. */
export async function insertTicket(
  db: Db,
  o: { thirdpartyId?: number | null; contactId?: number | null; isOpen?: boolean },
): Promise<void> {
  const now = new Date().toISOString();
  const n = crypto.randomBytes(6).toString('hex');
  await db.kysely
    .insertInto('tickets')
    .values({
      ref: `T-${n}`,
      track_id: `track-${n}`,
      subject: 'Printer on fire',
      message: '<p>Help</p>',
      message_text: 'Help',
      type_code: 'HELP',
      category_code: 'OTHER',
      severity_code: 'NORMAL',
      severity_rank: 20,
      status: o.isOpen === false ? 'closed' : 'read',
      is_open: o.isOpen ?? true,
      origin: 'staff',
      progress: 0,
      duration_minutes: 0,
      custom_fields: '{}',
      version: 1,
      thirdparty_id: o.thirdpartyId ?? null,
      contact_id: o.contactId ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

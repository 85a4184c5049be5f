import type { Language } from '../../common/languages.js';
import type { Permission } from '../../common/permissions.js';
import { forbidden, unauthenticated } from '../http/errors.js';

/** Who is making a request, and what they may do. Resolved once per request by the auth plugin. */
export interface Actor {
  kind: 'user';
  userId: number;
  email: string;
  name: string;
  language: Language;
  permissions: ReadonlySet<Permission>;
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
}

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  return actor.permissions.has('admin') || actor.permissions.has(permission);
}

export function requireActor(actor: Actor | null | undefined): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

/** First line of a service command: the actor must be signed in and hold the permission. */
export function requirePermission(actor: Actor | null | undefined, permission: Permission): Actor {
  const a = requireActor(actor);
  if (!can(a, permission)) throw forbidden(`This needs the permission "${permission}"`);
  return a;
}

import { z } from 'zod';
import { isoDateTime, listSchema } from './common.js';

/**
 * The administration audit log (SPEC 7): every settings and administration change, who made it, when and
 * what changed. Append-only; secrets are never in `details` (a changed password reads "changed").
 */

/** Target types written today; the log accepts any, these are the ones the audit page names. */
export const AUDIT_TARGET_TYPES = [
  'user',
  'group',
  'settings',
  'dictionary_entry',
  'custom_field',
  'thirdparty',
  'contact',
  'ticket',
] as const;

/** Actions written today, by target type: the audit page's filter offers these. */
export const AUDIT_ACTIONS = [
  'user.create',
  'user.update',
  'user.password_link',
  'group.create',
  'group.update',
  'group.delete',
  'group.member_add',
  'group.member_remove',
  'settings.update',
  'dictionary.create',
  'dictionary.update',
  'dictionary.delete',
  'custom_field.create',
  'custom_field.update',
  'custom_field.reorder',
  'thirdparty.create',
  'thirdparty.update',
  'thirdparty.delete',
  'contact.create',
  'contact.update',
  'contact.delete',
  'portal_link.generate',
  'portal_link.rotate',
  'portal_link.revoke',
  'portal_link.send',
  'ticket.purge',
] as const;

/** Action and target names are dotted lower-case words (`user.update`, `dictionary_entry`). */
const auditName = z
  .string()
  .trim()
  .max(64)
  .regex(/^[a-z][a-z0-9_.]*$/, 'Lower-case letters, digits, "_" and "." only');

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: isoDateTime,
    /** Null for system actions (first start, CLI) or when the user no longer exists. */
    actor: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    /** What changed: `{ key: { from, to } }` for changes, plain values for creations. */
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** GET /audit-log: newest first, keyset pages on the id; filters combine with AND. */
export const auditListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
  /** An exact action (`user.update`), or every action of a kind with a trailing dot (`user.`). */
  action: auditName.optional(),
  targetType: auditName.optional(),
  /** Changes made by this user. */
  actorId: z.coerce.number().int().positive().optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const auditPageSchema = listSchema(auditEntrySchema).meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof auditPageSchema>;

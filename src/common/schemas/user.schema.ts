import { z } from 'zod';
import { PERMISSIONS } from '../permissions.js';
import { emailSchema, isoDateTime, languageSchema, passwordSchema } from './common.js';

export const permissionSchema = z.enum(PERMISSIONS);

export const groupRefSchema = z.object({ id: z.number().int(), name: z.string() });

export const userSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    language: languageSchema,
    active: z.boolean(),
    hasPassword: z.boolean(),
    /** Staff notifications by email too (SPEC 5); each user sets it for themselves (PATCH /auth/me). */
    notifyByEmail: z.boolean(),
    groups: z.array(groupRefSchema),
    permissions: z.array(permissionSchema),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  language: languageSchema.default('fr'),
  password: passwordSchema.optional(),
  groupIds: z.array(z.number().int().positive()).max(100).optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const createUserResultSchema = userSchema.extend({
  /** Present when the user was created without a password: a one-time link to choose one. */
  setPasswordLink: z.string().optional(),
});

export const updateUserSchema = z.strictObject({
  email: emailSchema.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  language: languageSchema.optional(),
  active: z.boolean().optional(),
  password: passwordSchema.optional(),
  groupIds: z.array(z.number().int().positive()).max(100).optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const userListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  active: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const passwordLinkSchema = z.object({ link: z.string(), expiresAt: isoDateTime });

/** A user as pickers show it (assignee, notification group…). */
export const userRefSchema = z
  .object({ id: z.number().int(), name: z.string(), email: z.string() })
  .meta({ id: 'UserRef' });
export type UserRef = z.infer<typeof userRefSchema>;

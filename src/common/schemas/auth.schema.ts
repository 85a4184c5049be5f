import { z } from 'zod';
import { emailSchema, isoDateTime, languageSchema, passwordSchema } from './common.js';
import { userSchema } from './user.schema.js';

export const loginSchema = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

export const sessionResultSchema = z.object({ user: userSchema, csrfToken: z.string() });
export type SessionResult = z.infer<typeof sessionResultSchema>;

export const meSchema = z.object({ user: userSchema, csrfToken: z.string().nullable() });
export type Me = z.infer<typeof meSchema>;

export const updateMeSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  language: languageSchema.optional(),
  notifyByEmail: z.boolean().optional(),
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const createTokenSchema = z.strictObject({ name: z.string().trim().min(1).max(100) });

export const apiTokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string(),
    createdAt: isoDateTime,
    lastUsedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** The secret is present only in the answer to its creation. */
export const createdTokenSchema = apiTokenSchema.extend({ token: z.string() });

export const setupSchema = z.strictObject({
  token: z.string().min(1).max(200),
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  password: passwordSchema,
  language: languageSchema.default('fr'),
});

export const setPasswordSchema = z.strictObject({
  token: z.string().min(1).max(200),
  password: passwordSchema,
});

export const setupStatusSchema = z.object({ setupRequired: z.boolean() });

import { z } from 'zod';
import { LANGUAGES } from '../languages.js';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

export const idParamSchema = z.object({ id: z.coerce.number().int().positive() });

export const languageSchema = z.enum(LANGUAGES);

/** Emails are trimmed; matching is case-insensitive (stored lower-cased for lookups). */
export const emailSchema = z.string().trim().max(254).pipe(z.email());

export const passwordSchema = z
  .string()
  .min(10, 'Password must have at least 10 characters')
  .max(200, 'Password must have at most 200 characters');

export const isoDateTime = z.string().meta({ format: 'date-time' });

export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int() });
}

export const okSchema = z.object({ ok: z.literal(true) });

import { z } from 'zod';
import { DICTIONARY_KINDS } from '../tickets.js';
import { isoDateTime } from './common.js';

export const dictionaryKindSchema = z.enum(DICTIONARY_KINDS);
const code = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, 'Codes use letters, digits, _ . -');
const label = z.object({ fr: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100) });
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colour as #rrggbb');

export const dictionaryEntrySchema = z
  .object({
    code: z.string(),
    label: label,
    position: z.number().int(),
    active: z.boolean(),
    isDefault: z.boolean(),
    /** Categories only: offered on the public portal. */
    public: z.boolean(),
    /** Categories only. */
    parentCode: z.string().nullable(),
    /** Severities only. */
    color: z.string().nullable(),
    /** Whether tickets (or events) use it: such an entry can be deactivated, not deleted. */
    inUse: z.boolean(),
    updatedAt: isoDateTime,
  })
  .meta({ id: 'DictionaryEntry' });
export type DictionaryEntry = z.infer<typeof dictionaryEntrySchema>;

export const createDictionaryEntrySchema = z.strictObject({
  code,
  label,
  position: z.number().int().min(0).max(10000).optional(),
  active: z.boolean().default(true),
  isDefault: z.boolean().default(false),
  public: z.boolean().default(false),
  parentCode: code.nullable().optional(),
  color: color.nullable().optional(),
});
export type CreateDictionaryEntryInput = z.infer<typeof createDictionaryEntrySchema>;

export const updateDictionaryEntrySchema = z.strictObject({
  label: label.optional(),
  position: z.number().int().min(0).max(10000).optional(),
  active: z.boolean().optional(),
  isDefault: z.boolean().optional(),
  public: z.boolean().optional(),
  parentCode: code.nullable().optional(),
  color: color.nullable().optional(),
});
export type UpdateDictionaryEntryInput = z.infer<typeof updateDictionaryEntrySchema>;

export const dictionaryParamsSchema = z.object({ kind: dictionaryKindSchema });
export const dictionaryEntryParamsSchema = z.object({ kind: dictionaryKindSchema, code: z.string().max(32) });

/** `active=true` lists the active entries only (forms), `active=false` the inactive ones; none: all. */
export const dictionaryListQuerySchema = z.strictObject({
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

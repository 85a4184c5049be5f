/**
 * Custom fields (SPEC 2.5): extra ticket fields an administrator defines without code.
 *
 * Routes (admin changes, any staff member with ticket.read reads):
 *   GET    /api/v1/custom-fields            every definition, active or not, by position
 *   POST   /api/v1/custom-fields            create (admin)
 *   PATCH  /api/v1/custom-fields/{id}       labels, required, options, group, active (admin)
 *   POST   /api/v1/custom-fields/order      {ids} the new order of all definitions (admin)
 * The key and the type never change, and a key is never reused: a field is deactivated, not deleted,
 * so the values tickets hold keep their meaning.
 */
import { z } from 'zod';
import { CUSTOM_FIELD_GROUPS, CUSTOM_FIELD_TYPES, OPTION_TYPES } from '../customFields.js';
import { isoDateTime, listSchema } from './common.js';

export const customFieldTypeSchema = z.enum(CUSTOM_FIELD_TYPES);
export const customFieldGroupSchema = z.enum(CUSTOM_FIELD_GROUPS);

/** Keys are what the API, the list filter (`cf.<key>`) and the CSV export use. */
export const customFieldKeySchema = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    'Keys use lower-case letters, digits and _, starting with a letter (40 at most)',
  );

const label = z.object({ fr: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100) });

export const customFieldOptionSchema = z.object({
  value: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[^,]+$/, 'Option values cannot contain a comma'),
  label,
});
export type CustomFieldOption = z.infer<typeof customFieldOptionSchema>;

export const customFieldSchema = z
  .object({
    id: z.number().int(),
    key: z.string(),
    label,
    type: customFieldTypeSchema,
    required: z.boolean(),
    /** select and multiselect only; empty for the other types. */
    options: z.array(customFieldOptionSchema),
    position: z.number().int(),
    active: z.boolean(),
    /** IN: the staff creation form; OUT: the portal form; BOTH: the two. */
    group: customFieldGroupSchema,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'CustomField' });
export type CustomField = z.infer<typeof customFieldSchema>;

const options = z
  .array(customFieldOptionSchema)
  .max(200)
  .refine((list) => new Set(list.map((o) => o.value)).size === list.length, 'Option values must be unique');

function checkOptions(
  v: { type?: string; options?: CustomFieldOption[] },
  ctx: z.RefinementCtx,
  creating: boolean,
) {
  if (v.type === undefined) return;
  const wantsOptions = (OPTION_TYPES as readonly string[]).includes(v.type);
  if (wantsOptions && creating && (v.options?.length ?? 0) === 0)
    ctx.addIssue({ code: 'custom', path: ['options'], message: 'A select field needs at least one option' });
  if (!wantsOptions && (v.options?.length ?? 0) > 0)
    ctx.addIssue({
      code: 'custom',
      path: ['options'],
      message: 'Only select and multiselect fields have options',
    });
}

export const createCustomFieldSchema = z
  .strictObject({
    key: customFieldKeySchema,
    label,
    type: customFieldTypeSchema,
    required: z.boolean().default(false),
    options: options.default([]),
    group: customFieldGroupSchema,
    active: z.boolean().default(true),
  })
  .superRefine((v, ctx) => checkOptions(v, ctx, true));
export type CreateCustomFieldInput = z.infer<typeof createCustomFieldSchema>;

/** The key and the type are fixed; options may change (a removed option stays in the tickets that hold it). */
export const updateCustomFieldSchema = z.strictObject({
  label: label.optional(),
  required: z.boolean().optional(),
  options: options.optional(),
  group: customFieldGroupSchema.optional(),
  active: z.boolean().optional(),
});
export type UpdateCustomFieldInput = z.infer<typeof updateCustomFieldSchema>;

export const customFieldOrderSchema = z.strictObject({
  ids: z.array(z.number().int().positive()).min(1).max(500),
});
export type CustomFieldOrderInput = z.infer<typeof customFieldOrderSchema>;

/** GET /custom-fields: every definition (a short list: one page, `nextCursor` always null). */
export const customFieldListSchema = listSchema(customFieldSchema);
export type CustomFieldList = z.infer<typeof customFieldListSchema>;

/** A stored value: text types, date (YYYY-MM-DD) and select are strings; multiselect a list of option values. */
export const customFieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

/**
 * What the portal form and the portal ticket view need of a field (OUT and BOTH fields only).
 * Labels in both languages, so the page can switch without asking again.
 */
export const portalCustomFieldSchema = z
  .object({
    key: z.string(),
    label,
    type: customFieldTypeSchema,
    required: z.boolean(),
    options: z.array(customFieldOptionSchema),
  })
  .meta({ id: 'PortalCustomField' });
export type PortalCustomField = z.infer<typeof portalCustomFieldSchema>;

/**
 * A value the portal's ticket view shows (OUT and BOTH fields holding a value, by position; IN values never
 * leave the server). Labels and options come along so that the page can show option labels in either language.
 */
export const portalCustomFieldValueSchema = z
  .object({
    key: z.string(),
    label,
    type: customFieldTypeSchema,
    options: z.array(customFieldOptionSchema),
    value: customFieldValueSchema,
  })
  .meta({ id: 'PortalCustomFieldValue' });
export type PortalCustomFieldValue = z.infer<typeof portalCustomFieldValueSchema>;

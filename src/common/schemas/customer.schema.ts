import { z } from 'zod';
import { emailSchema, isoDateTime } from './common.js';

const optionalText = (max: number) => z.string().trim().max(max);

export const thirdpartySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    code: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    notes: z.string().nullable(),
    contactCount: z.number().int(),
    openTicketCount: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Thirdparty' });
export type Thirdparty = z.infer<typeof thirdpartySchema>;

export const createThirdpartySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  code: optionalText(50).min(1).nullable().optional(),
  email: emailSchema.nullable().optional(),
  phone: optionalText(50).nullable().optional(),
  address: optionalText(1000).nullable().optional(),
  notes: optionalText(10000).nullable().optional(),
});
export type CreateThirdpartyInput = z.infer<typeof createThirdpartySchema>;
export const updateThirdpartySchema = createThirdpartySchema.partial();
export type UpdateThirdpartyInput = z.infer<typeof updateThirdpartySchema>;

export const thirdpartyListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(500).optional(),
});

export const contactSchema = z
  .object({
    id: z.number().int(),
    thirdpartyId: z.number().int(),
    thirdpartyName: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    role: z.string().nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof contactSchema>;

export const createContactSchema = z.strictObject({
  thirdpartyId: z.number().int().positive(),
  name: z.string().trim().min(1).max(200),
  email: emailSchema.nullable().optional(),
  phone: optionalText(50).nullable().optional(),
  role: optionalText(100).nullable().optional(),
});
export type CreateContactInput = z.infer<typeof createContactSchema>;
export const updateContactSchema = createContactSchema.omit({ thirdpartyId: true }).partial();
export type UpdateContactInput = z.infer<typeof updateContactSchema>;

export const contactListQuerySchema = z.strictObject({
  thirdpartyId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

import { z } from 'zod';
import { isoDateTime } from './common.js';
import { permissionSchema } from './user.schema.js';

export const groupSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    permissions: z.array(permissionSchema),
    memberIds: z.array(z.number().int()),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Group' });
export type Group = z.infer<typeof groupSchema>;

export const createGroupSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).default(''),
  permissions: z.array(permissionSchema).max(50).default([]),
  memberIds: z.array(z.number().int().positive()).max(10000).default([]),
});
export type CreateGroupInput = z.infer<typeof createGroupSchema>;

export const updateGroupSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  description: z.string().trim().max(1000).optional(),
  permissions: z.array(permissionSchema).max(50).optional(),
  memberIds: z.array(z.number().int().positive()).max(10000).optional(),
});
export type UpdateGroupInput = z.infer<typeof updateGroupSchema>;

export const memberBodySchema = z.strictObject({ userId: z.number().int().positive() });
export const memberParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  userId: z.coerce.number().int().positive(),
});

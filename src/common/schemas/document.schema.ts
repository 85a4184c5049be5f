import { z } from 'zod';
import { isoDateTime } from './common.js';

export const documentSchema = z
  .object({
    id: z.number().int(),
    ticketId: z.number().int(),
    messageId: z.number().int().nullable(),
    filename: z.string(),
    /** Type sniffed from the content, not the one the browser claimed. */
    mimeType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    createdAt: isoDateTime,
    uploadedBy: z.object({
      userId: z.number().int().nullable(),
      email: z.string().nullable(),
      name: z.string().nullable(),
    }),
    /** Path to download it (permission checked). */
    url: z.string(),
  })
  .meta({ id: 'Document' });
export type Document = z.infer<typeof documentSchema>;

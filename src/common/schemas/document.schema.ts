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

/** GET /tickets/{id}/documents: ticket-level and message-level documents together, newest first. */
export const documentListSchema = z
  .object({ items: z.array(documentSchema), nextCursor: z.string().nullable(), total: z.number().int() })
  .meta({ id: 'DocumentList' });
export type DocumentList = z.infer<typeof documentListSchema>;

/** POST /tickets/{id}/documents answers the documents it created, in the order of the parts. */
export const uploadResultSchema = z.object({ items: z.array(documentSchema) }).meta({ id: 'UploadResult' });
export type UploadResult = z.infer<typeof uploadResultSchema>;

/**
 * The multipart form of an upload, for the API description: one or more `files` parts and an optional
 * `messageId` field (a message of the same ticket). The server reads the parts as a stream.
 */
export const uploadFormSchema = z
  .object({
    files: z.array(z.string().meta({ format: 'binary' })).meta({ description: 'One part per file' }),
    messageId: z
      .string()
      .regex(/^[1-9]\d*$/)
      .optional()
      .meta({ description: 'Attach the files to this message of the ticket' }),
  })
  .meta({ id: 'UploadForm' });

/** GET /documents/limits: the upload limits of the settings, so forms can warn before sending. */
export const uploadLimitsSchema = z
  .object({ maxFileMb: z.number().int(), maxFilesPerMessage: z.number().int() })
  .meta({ id: 'UploadLimits' });
export type UploadLimitsInfo = z.infer<typeof uploadLimitsSchema>;

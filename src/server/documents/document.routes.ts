import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParamSchema } from '../../common/schemas/common.js';
import {
  documentListSchema,
  uploadFormSchema,
  uploadLimitsSchema,
  uploadResultSchema,
} from '../../common/schemas/document.schema.js';
import { AppError } from '../http/errors.js';
import { downloadHeaders } from './document.presenter.js';
import type { DocumentService, IncomingPart } from './document.service.js';

const tags = ['documents'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/**
 * Ticket documents. The multipart parser is registered in this scope only, so no other route starts
 * accepting multipart bodies.
 */
export function registerDocumentRoutes(app: FastifyInstance, deps: { documents: DocumentService }): void {
  const { documents } = deps;
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fieldNameSize: 100, fieldSize: 100, fields: 10, headerPairs: 100 },
      // The service measures each file and answers its own 413 (file_too_large).
      throwFileSizeLimit: false,
    });
    const api = scope.withTypeProvider<ZodTypeProvider>();

    api.post(
      '/tickets/:id/documents',
      {
        schema: {
          tags,
          summary: 'Upload files to a ticket, or to one of its messages (multipart/form-data)',
          description:
            'The type is sniffed from the content; programs and scripts are refused (422 forbidden_file_type). ' +
            'Limits come from the settings uploads.maxFileMb (413 file_too_large) and ' +
            'uploads.maxFilesPerMessage (422 too_many_files).',
          consumes: ['multipart/form-data'],
          params: idParamSchema,
          body: uploadFormSchema.nullish(),
          response: {
            201: uploadResultSchema,
            ...errors,
            413: errorSchema,
            415: errorSchema,
            422: errorSchema,
          },
        },
      },
      async (req, reply) => {
        const items = await documents.upload(req.actor, req.params.id, (limits) => {
          if (!req.isMultipart()) {
            throw new AppError('unsupported_media_type', 415, 'Send the files as multipart/form-data');
          }
          return req.parts({
            // One byte and one file past the limits, so that the service sees the excess and refuses it
            // with its own error; the parser then stops reading there.
            limits: {
              fileSize: limits.maxFileBytes + 1,
              files: limits.maxFiles + 1,
              parts: limits.maxFiles + 11,
            },
          }) as AsyncIterable<IncomingPart>;
        });
        return reply.status(201).send({ items });
      },
    );

    api.get(
      '/tickets/:id/documents',
      {
        schema: {
          tags,
          summary: 'Every document of a ticket, its own and its messages’, newest first',
          params: idParamSchema,
          response: { 200: documentListSchema, ...errors },
        },
      },
      async (req) => {
        const items = await documents.list(req.actor, req.params.id);
        return { items, nextCursor: null, total: items.length };
      },
    );

    api.get(
      '/documents/limits',
      {
        schema: {
          tags,
          summary: 'The upload limits (size per file, files per message)',
          response: { 200: uploadLimitsSchema, 401: errorSchema },
        },
      },
      async (req) => documents.limits(req.actor),
    );

    api.get(
      '/documents/:id/download',
      {
        schema: {
          tags,
          summary: 'Download a document (inline for safe images, as an attachment otherwise)',
          produces: ['application/octet-stream'],
          params: idParamSchema,
          response: {
            200: z.any().meta({ description: 'The file as stored' }),
            401: errorSchema,
            404: errorSchema,
          },
        },
      },
      async (req, reply) => {
        const { document, size, stream } = await documents.download(req.actor, req.params.id);
        return reply.headers(downloadHeaders(document, size)).send(stream);
      },
    );

    api.delete(
      '/documents/:id',
      {
        schema: {
          tags,
          summary: 'Delete a document (recorded in the ticket history)',
          params: idParamSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await documents.remove(req.actor, req.params.id);
        return reply.status(204).send(null);
      },
    );
  });
}

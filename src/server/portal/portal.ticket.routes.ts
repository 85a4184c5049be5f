import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from '../../common/schemas/common.js';
import { uploadFormSchema } from '../../common/schemas/document.schema.js';
import {
  portalAddMessageSchema,
  portalCloseSchema,
  portalDocumentListSchema,
  portalDocumentParamSchema,
  portalMessageListSchema,
  portalMessageSchema,
  portalTicketSchema,
  portalTrackIdParamSchema,
} from '../../common/schemas/portal.schema.js';
import type { IncomingPart } from '../documents/document.service.js';
import { downloadHeaders } from '../documents/document.presenter.js';
import { AppError } from '../http/errors.js';
import { visitorOf } from './portal.plugin.js';
import type { PortalTickets } from './portal.tickets.js';

const tags = ['portal'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 429: errorSchema };

/** One ticket as its customer sees it: view, public messages, documents, answer, close. */
export function registerPortalTicketRoutes(scope: FastifyInstance, tickets: PortalTickets): void {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  const params = portalTrackIdParamSchema;

  r.get(
    '/tickets/:trackId',
    {
      schema: {
        tags,
        summary: 'A ticket the session may see',
        params,
        response: { 200: portalTicketSchema, ...errors },
      },
    },
    async (req) => tickets.get(visitorOf(req), req.params.trackId),
  );

  r.get(
    '/tickets/:trackId/messages',
    {
      schema: {
        tags,
        summary: 'Public messages, newest first (never private notes)',
        params,
        response: { 200: portalMessageListSchema, ...errors },
      },
    },
    async (req) => tickets.messages(visitorOf(req), req.params.trackId),
  );

  r.post(
    '/tickets/:trackId/messages',
    {
      schema: {
        tags,
        summary: 'Answer on an open ticket (plain text; files uploaded before, by id)',
        params,
        body: portalAddMessageSchema,
        response: { 201: portalMessageSchema, ...errors, 422: errorSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await tickets.addMessage(visitorOf(req), req.params.trackId, req.body)),
  );

  r.post(
    '/tickets/:trackId/close',
    {
      schema: {
        tags,
        summary: 'Close the ticket (solved)',
        params,
        body: portalCloseSchema.nullish(),
        response: { 200: portalTicketSchema, ...errors },
      },
    },
    async (req) => tickets.close(visitorOf(req), req.params.trackId),
  );

  r.get(
    '/tickets/:trackId/documents',
    {
      schema: {
        tags,
        summary: 'The ticket’s documents and those of public messages',
        params,
        response: { 200: portalDocumentListSchema, ...errors },
      },
    },
    async (req) => tickets.documents(visitorOf(req), req.params.trackId),
  );

  r.post(
    '/tickets/:trackId/documents',
    {
      schema: {
        tags,
        summary: 'Upload files to the ticket (multipart/form-data, field `files`)',
        consumes: ['multipart/form-data'],
        params,
        body: uploadFormSchema.omit({ messageId: true }).nullish(),
        response: {
          201: portalDocumentListSchema,
          ...errors,
          413: errorSchema,
          415: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const result = await tickets.upload(visitorOf(req), req.params.trackId, (limits) => {
        if (!req.isMultipart()) {
          throw new AppError('unsupported_media_type', 415, 'Send the files as multipart/form-data');
        }
        return req.parts({
          // One past the limits, so that the documents service sees the excess and answers its own error.
          limits: {
            fileSize: limits.maxFileBytes + 1,
            files: limits.maxFiles + 1,
            parts: limits.maxFiles + 11,
          },
        }) as AsyncIterable<IncomingPart>;
      });
      return reply.status(201).send(result);
    },
  );

  r.get(
    '/tickets/:trackId/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'Download a document of the ticket (inline for safe images, as an attachment otherwise)',
        produces: ['application/octet-stream'],
        params: portalDocumentParamSchema,
        response: { 200: z.any().meta({ description: 'The file as stored' }), ...errors },
      },
    },
    async (req, reply) => {
      const { document, size, stream } = await tickets.download(
        visitorOf(req),
        req.params.trackId,
        req.params.documentId,
      );
      return reply
        .headers(downloadHeaders({ filename: document.filename, mimeType: document.mime_type }, size))
        .send(stream);
    },
  );
}

import { z } from 'zod';
import { isoDateTime } from './common.js';
import { documentSchema } from './document.schema.js';
import { messageDeliverySchema } from './mail.schema.js';
import { actorRefSchema } from './ticket.schema.js';

export const messageSchema = z
  .object({
    id: z.number().int(),
    ticketId: z.number().int(),
    author: actorRefSchema,
    body: z.string(),
    private: z.boolean(),
    /** The author asked for it to go to the customer by email (contact, else reporter, else third party). */
    sendByEmail: z.boolean(),
    /** Where that email stands; null for notes, customer messages and messages not sent by email. */
    delivery: messageDeliverySchema.nullable(),
    createdAt: isoDateTime,
    attachments: z.array(documentSchema),
  })
  .meta({ id: 'TicketMessage' });
export type Message = z.infer<typeof messageSchema>;

export const createMessageSchema = z.strictObject({
  body: z.string().min(1).max(200_000),
  private: z.boolean().default(false),
  sendByEmail: z.boolean().default(false),
  /** Documents uploaded to the ticket beforehand (POST /tickets/{id}/documents), not yet on a message. */
  attachmentIds: z.array(z.number().int().positive()).max(100).default([]),
});
export type CreateMessageInput = z.infer<typeof createMessageSchema>;

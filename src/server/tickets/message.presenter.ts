import type { MessageDelivery } from '../../common/schemas/mail.schema.js';
import type { Message } from '../../common/schemas/message.schema.js';
import { presentDocument } from '../documents/document.presenter.js';
import type { AttachmentRow, MessageListRow } from './message.repository.js';

/**
 * Where the message's email stands. A staff public message asked to go by email whose mail is not written
 * yet (the ticket-event job has not run) is already queued as far as the user is concerned.
 */
function deliveryOf(row: MessageListRow): MessageDelivery | null {
  if (row.mail_id !== null && row.mail_status !== null) {
    return {
      status: row.mail_status,
      error: row.mail_error,
      attempts: row.mail_attempts ?? 0,
      sentAt: row.mail_sent_at,
    };
  }
  if (row.send_by_email && !row.private && row.author_type === 'user') {
    return { status: 'queued', error: null, attempts: 0, sentAt: null };
  }
  return null;
}

/** A message for the wire, with its attachments (rows of other messages are ignored). */
export function presentMessage(row: MessageListRow, attachments: readonly AttachmentRow[]): Message {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    author: {
      type: row.author_type,
      userId: row.author_user_id,
      name: row.author_name,
      email: row.author_email,
    },
    body: row.body,
    private: row.private,
    sendByEmail: row.send_by_email,
    delivery: deliveryOf(row),
    createdAt: row.created_at,
    attachments: attachments
      .filter((d) => d.message_id === row.id)
      .map((d) => presentDocument(d, d.uploader_name)),
  };
}

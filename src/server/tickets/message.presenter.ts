import type { Message } from '../../common/schemas/message.schema.js';
import { presentDocument } from '../documents/document.presenter.js';
import type { AttachmentRow, MessageListRow } from './message.repository.js';

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
    createdAt: row.created_at,
    attachments: attachments
      .filter((d) => d.message_id === row.id)
      .map((d) => presentDocument(d, d.uploader_name)),
  };
}

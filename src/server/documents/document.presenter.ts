import type { Document } from '../../common/schemas/document.schema.js';
import type { DocumentRow } from '../db/schema.js';

/** A document row for the wire; `uploaderName` comes from a join when the caller has it. */
export function presentDocument(row: DocumentRow, uploaderName: string | null = null): Document {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    messageId: row.message_id,
    filename: row.filename,
    mimeType: row.mime_type,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.created_at,
    uploadedBy: { userId: row.uploaded_by_user_id, email: row.uploaded_by_email, name: uploaderName },
    url: `/api/v1/documents/${row.id}/download`,
  };
}

import type { Document } from '../../common/schemas/document.schema.js';
import type { DocumentRow } from '../db/schema.js';
import { contentDisposition } from './document.filename.js';

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

/**
 * Headers of a download. Safe images show inline, anything else downloads; the browser may not guess
 * another type (nosniff), and a sandbox CSP keeps an opened file from running anything on our origin.
 */
export function downloadHeaders(doc: Pick<Document, 'filename' | 'mimeType'>, size: number) {
  return {
    'content-type': doc.mimeType.startsWith('text/') ? `${doc.mimeType}; charset=utf-8` : doc.mimeType,
    'content-length': String(size),
    'content-disposition': contentDisposition(doc.filename, doc.mimeType),
    'x-content-type-options': 'nosniff',
    'content-security-policy': 'sandbox',
    'cache-control': 'private',
  };
}

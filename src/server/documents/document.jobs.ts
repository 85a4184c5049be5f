import type { JobRunner } from '../jobs/job.runner.js';
import type { DocumentService } from './document.service.js';

/**
 * `documents.gcBlobs`: enqueued when a document is deleted, a ticket purged or an upload failed after
 * storing its files. Idempotent, so a repeated run after a crash is harmless.
 */
export function registerDocumentJobs(runner: JobRunner, deps: { documents: DocumentService }): void {
  runner.register('documents.gcBlobs', ({ sha256s }) => deps.documents.gcBlobs(sha256s));
}

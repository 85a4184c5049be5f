import type { Catalog } from '../catalog.js';

/** Ticket documents and attachments in English: the same keys as fr/documents.ts. */
export const documents: Catalog['documents'] = {
  title: 'Documents',
  count: 'Documents: {{count}}',
  empty: 'No document on this ticket yet.',
  columns: {
    name: 'Name',
    type: 'Type',
    size: 'Size',
    uploadedBy: 'Uploaded by',
    date: 'Date',
    attachedTo: 'Attached to',
    actions: 'Actions',
  },
  ticketLevel: 'Ticket',
  message: 'Message #{{id}}',
  unknownUploader: 'Unknown',
  download: 'Download {{name}}',
  upload: 'Add files',
  uploading: 'Uploading… {{percent}}',
  uploaded: 'Files added: {{count}}',
  delete: 'Delete {{name}}',
  deleted: 'The document “{{name}}” was deleted.',
  confirm: {
    title: 'Delete this document?',
    text: '“{{name}}” will be removed from the ticket. The deletion is recorded in the history.',
    cancel: 'Cancel',
    confirm: 'Delete',
  },
  picker: {
    add: 'Attach files',
    remove: 'Remove {{name}}',
    limits: 'Up to {{max}} files, {{size}} MB each at most.',
    tooMany: 'At most {{max}} files per message. Not added: {{names}}.',
    tooBig: 'Larger than {{max}} MB, not added: {{names}}.',
  },
  errors: {
    fileTooLarge: '“{{name}}” is larger than allowed ({{max}} MB).',
    tooManyFiles: 'Too many files: at most {{max}} per message.',
    forbiddenType: '“{{name}}” is a program or a script: this type of file is refused.',
    ticketDeleted: 'This ticket is deleted: restore it before changing its documents.',
  },
};

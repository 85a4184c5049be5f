/** The documents feature of the ticket screens: the Documents tab and the attachment widgets. */
export { AttachmentPicker, pickFiles, type AttachmentPickerProps } from './AttachmentPicker.js';
export { DocumentsTab, type DocumentsTabProps } from './DocumentsTab.js';
export {
  useDocumentErrorText,
  useTicketDocuments,
  useUploadAttachments,
  useUploadLimits,
  type UploadRequest,
} from './useDocuments.js';

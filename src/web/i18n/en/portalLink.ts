import type { Catalog } from '../catalog.js';

/** The personalized portal link on the third-party page: the same keys as fr/portalLink.ts. */
export const portalLink: Catalog['portalLink'] = {
  title: 'Portal link',
  description:
    'A secret address that opens the portal on behalf of this customer: its contacts and all its requests, without a password.',
  none: 'This customer has no personal link yet.',
  loadError: 'The portal link could not be loaded.',
  url: 'Personal link',
  createdAt: 'Created on {{date}}',
  copy: 'Copy link',
  copyText: 'Copy message',
  cancel: 'Cancel',
  copied: 'Copied',
  text: 'Ready-to-send message',
  generate: 'Generate link',
  rotate: 'Replace link',
  rotateTitle: 'Replace the link?',
  rotateConfirm:
    'A new link will be created and the old one will stop working at once. The customer will need the new one.',
  rotateSubmit: 'Replace',
  rotated: 'New link created; the old one no longer works.',
  generated: 'Link created.',
  revoke: 'Revoke',
  revokeTitle: 'Revoke the link?',
  revokeConfirm: 'The link will stop working at once. You can generate a new one later.',
  revokeSubmit: 'Revoke',
  revoked: 'Link revoked.',
  send: 'Send by email',
  sendTitle: 'Send the link by email',
  sendTo: 'Recipient',
  sendToHint: 'The customer’s address by default.',
  sendLanguage: 'Language of the message',
  sendBoth: 'French and English',
  sendSubmit: 'Send',
  sent: 'Message queued for {{to}}.',
  noEmail: 'This customer has no email address: give a recipient.',
};

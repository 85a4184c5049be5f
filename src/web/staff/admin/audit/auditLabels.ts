import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from '../../../../common/schemas/audit.schema.js';

type AuditAction = (typeof AUDIT_ACTIONS)[number];
type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/** Catalog keys of the known actions: a new action in the schema fails type-checking here until it has a label. */
export const ACTION_KEYS = {
  'user.create': 'userCreate',
  'user.update': 'userUpdate',
  'user.password_link': 'userPasswordLink',
  'group.create': 'groupCreate',
  'group.update': 'groupUpdate',
  'group.delete': 'groupDelete',
  'group.member_add': 'groupMemberAdd',
  'group.member_remove': 'groupMemberRemove',
  'settings.update': 'settingsUpdate',
  'dictionary.create': 'dictionaryCreate',
  'dictionary.update': 'dictionaryUpdate',
  'dictionary.delete': 'dictionaryDelete',
  'custom_field.create': 'customFieldCreate',
  'custom_field.update': 'customFieldUpdate',
  'custom_field.reorder': 'customFieldReorder',
  'thirdparty.create': 'thirdpartyCreate',
  'thirdparty.update': 'thirdpartyUpdate',
  'thirdparty.delete': 'thirdpartyDelete',
  'contact.create': 'contactCreate',
  'contact.update': 'contactUpdate',
  'contact.delete': 'contactDelete',
  'portal_link.generate': 'portalLinkGenerate',
  'portal_link.rotate': 'portalLinkRotate',
  'portal_link.revoke': 'portalLinkRevoke',
  'portal_link.send': 'portalLinkSend',
  'ticket.purge': 'ticketPurge',
} as const satisfies Record<AuditAction, string>;

export const TARGET_KEYS = {
  user: 'user',
  group: 'group',
  settings: 'settings',
  dictionary_entry: 'dictionaryEntry',
  custom_field: 'customField',
  thirdparty: 'thirdparty',
  contact: 'contact',
  ticket: 'ticket',
} as const satisfies Record<AuditTargetType, string>;

/** Detail keys with a label of their own; any other key (settings keys…) is shown as written. */
export const FIELD_KEYS = {
  name: 'name',
  email: 'email',
  language: 'language',
  active: 'active',
  password: 'password',
  groupIds: 'groupIds',
  memberIds: 'memberIds',
  userId: 'userId',
  permissions: 'permissions',
  description: 'description',
  admin: 'admin',
} as const;

export const isKnownAction = (a: string): a is AuditAction => Object.hasOwn(ACTION_KEYS, a);
export const isKnownTarget = (a: string): a is AuditTargetType => Object.hasOwn(TARGET_KEYS, a);
export const isKnownField = (k: string): k is keyof typeof FIELD_KEYS => Object.hasOwn(FIELD_KEYS, k);

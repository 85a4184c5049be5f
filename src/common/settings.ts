import { z } from 'zod';
import { MAIL_SETTINGS } from './mail.templates.js';

/**
 * Every setting (SPEC 7): flat dotted keys, a type, a default that works on a fresh install, and whether
 * the value is a secret (never returned by the API, only whether it is set).
 */
const bool = z.boolean();
const hours = z
  .number()
  .int()
  .min(0)
  .max(24 * 365);
const text = (max: number) => z.string().max(max);

export const SETTINGS = {
  'portal.enabled': { schema: bool, default: false },
  'portal.publicUrl': { schema: z.union([z.literal(''), z.url()]), default: '' },
  'portal.title.fr': { schema: text(200), default: 'Assistance' },
  'portal.title.en': { schema: text(200), default: 'Support' },
  'portal.homeText.fr': { schema: text(5000), default: '' },
  'portal.homeText.en': { schema: text(5000), default: '' },
  'portal.helpText.fr': { schema: text(5000), default: '' },
  'portal.helpText.en': { schema: text(5000), default: '' },
  'portal.ticketsPerIpPerMonth': { schema: z.number().int().min(0).max(100000), default: 20 },
  'portal.captcha': { schema: bool, default: false },
  'portal.showDuration': { schema: bool, default: false },
  'notifications.groupId': { schema: z.number().int().positive().nullable(), default: null },
  'tickets.reopenOnReplyDays': { schema: z.number().int().min(0).max(3650), default: 30 },
  'tickets.delayFirstResponseHours': { schema: hours, default: 24 },
  'tickets.delaySinceLastResponseHours': { schema: hours, default: 72 },
  'tickets.visibleToAssigneeOnly': { schema: bool, default: false },
  'agenda.defaultEventType': { schema: z.string().max(32), default: 'AC_OTH' },
  'interventions.closeWithTicket': { schema: bool, default: false },
  'uploads.maxFileMb': { schema: z.number().int().min(1).max(1024), default: 20 },
  'uploads.maxFilesPerMessage': { schema: z.number().int().min(1).max(100), default: 10 },
  ...MAIL_SETTINGS,
  // <settings:mail>
  // <settings:notifications>
  // <settings:portal>
  // <settings:fieldservice>
} as const satisfies Record<string, { schema: z.ZodType; default: unknown; secret?: boolean }>;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;
export type Settings = { [K in SettingKey]: SettingValue<K> };

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export const isSettingKey = (k: string): k is SettingKey => Object.hasOwn(SETTINGS, k);

export const settingsPatchSchema = z.record(z.string(), z.unknown()).superRefine((patch, ctx) => {
  for (const [key, value] of Object.entries(patch)) {
    if (!isSettingKey(key)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `Unknown setting "${key}"` });
      continue;
    }
    const r = SETTINGS[key].schema.safeParse(value);
    if (!r.success)
      ctx.addIssue({ code: 'custom', path: [key], message: r.error.issues[0]?.message ?? 'Invalid value' });
  }
});

import type { Group } from '../../common/schemas/group.schema.js';
import type { SettingKey, Settings } from '../../common/settings.js';
import { api } from './client.js';

/**
 * Settings as the API shows them: secrets (the SMTP password) only say whether they are set.
 * Keys of other features may be present too; the pages read the ones they edit.
 */
export type SettingsView = Omit<Settings, 'mail.smtp.password' | 'mail.imap.password'> & {
  'mail.smtp.password': boolean;
  'mail.imap.password': boolean;
};

export const settingsKeys = { all: ['settings'] as const, groups: ['settings', 'groups'] as const };

export const getSettings = () => api.get<SettingsView>('/settings');

/** Sends only the keys given; all are applied or none (400 with the faulty keys in `details`). */
export const patchSettings = (patch: Partial<Record<SettingKey, unknown>>) =>
  api.patch<SettingsView>('/settings', patch);

/** For the notification group picker. */
export async function listGroups(): Promise<Group[]> {
  return (await api.get<{ items: Group[] }>('/groups')).items;
}

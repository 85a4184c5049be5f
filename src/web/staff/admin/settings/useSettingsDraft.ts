import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingKey } from '../../../../common/settings.js';
import { ApiError } from '../../../api/client.js';
import { getSettings, patchSettings, settingsKeys, type SettingsView } from '../../../api/settings.api.js';

export type SettingsDraft = Partial<Record<SettingKey, unknown>>;

/**
 * A settings page's form: the saved settings, the user's changes on top, and a save that sends only the
 * changed keys (PATCH /settings applies all or none). A 400 marks the refused keys with the server's reason.
 */
export function useSettingsDraft() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: settingsKeys.all, queryFn: getSettings });
  const [draft, setDraft] = useState<SettingsDraft>({});
  const [errors, setErrors] = useState<Partial<Record<SettingKey, string>>>({});

  const save = useMutation({
    mutationFn: (patch: SettingsDraft) => patchSettings(patch),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.all, saved);
      setDraft({});
      setErrors({});
      notifications.show({ color: 'teal', message: t('settings.saved') });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 400) setErrors(fieldErrors(err.details));
      notifications.show({
        color: 'red',
        autoClose: 8000,
        message: t('settings.saveFailed', { message: err.message }),
      });
    },
  });

  function value<K extends SettingKey>(key: K): SettingsView[K] | undefined {
    if (key in draft) return draft[key] as SettingsView[K];
    return query.data?.[key];
  }

  return {
    query,
    value,
    error: (key: SettingKey) => errors[key],
    set: (key: SettingKey, v: unknown) => {
      setDraft((d) => ({ ...d, [key]: v }));
      setErrors((e) => ({ ...e, [key]: undefined }));
    },
    /** Drops a pending change (e.g. "keep the current password"). */
    unset: (key: SettingKey) =>
      setDraft((d) => Object.fromEntries(Object.entries(d).filter(([k]) => k !== key))),
    dirty: Object.keys(draft).length > 0,
    save: () => save.mutate(draft),
    saving: save.isPending,
  };
}

export type SettingsForm = ReturnType<typeof useSettingsDraft>;

/** Validation issues name the body's key: `{ issues: [{ path: 'body.mail.smtp.port', message }] }`. */
function fieldErrors(details: unknown): Partial<Record<SettingKey, string>> {
  const out: Record<string, string> = {};
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return out;
  for (const issue of issues as { path?: unknown; message?: unknown }[]) {
    if (typeof issue.path !== 'string' || typeof issue.message !== 'string') continue;
    out[issue.path.replace(/^body\./, '')] = issue.message;
  }
  return out;
}

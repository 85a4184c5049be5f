import { Box, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../auth/session.js';
import { useNotifyByEmail } from './notifications.hooks.js';

/** In the user menu: whether my notifications also come by email (stored on my account). */
export function NotifyByEmailSwitch() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const save = useNotifyByEmail();
  // While saving, show the choice being saved; on failure it falls back to the stored one.
  const checked = save.isPending ? (save.variables ?? user.notifyByEmail) : user.notifyByEmail;
  return (
    <Box px="sm" py={6}>
      <Switch
        size="sm"
        label={t('notifications.emailPreference')}
        checked={checked}
        disabled={save.isPending}
        onChange={(e) => save.mutate(e.currentTarget.checked)}
      />
    </Box>
  );
}

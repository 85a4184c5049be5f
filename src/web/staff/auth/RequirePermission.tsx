import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../common/permissions.js';
import { IconShield } from '../../components/icons.js';
import { useSignedInUser } from './session.js';

/** Shows its children only to users holding the permission; the server enforces it anyway. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: React.ReactNode;
}) {
  const user = useSignedInUser();
  const { t } = useTranslation();
  if (!user.permissions.includes(permission)) {
    return (
      <Alert color="orange" icon={<IconShield />} title={t('errors.forbiddenTitle')} maw={640}>
        {t('errors.forbiddenText')}
      </Alert>
    );
  }
  return children;
}

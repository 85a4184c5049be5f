import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.js';
import { useErrorText } from '../../../components/useErrorText.js';

/** The refusals of the users and groups API in the administrator's words. */
export function useAdminErrorText(): (err: unknown) => string {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (err) => {
    if (err instanceof ApiError) {
      switch (err.code) {
        case 'email_taken':
          return t('admin.errors.emailTaken');
        case 'cannot_deactivate_self':
          return t('admin.errors.cannotDeactivateSelf');
        case 'last_admin':
          return t('admin.errors.lastAdmin');
        case 'group_name_taken':
          return t('admin.errors.groupNameTaken');
        case 'user_not_found':
          return t('admin.errors.userNotFound');
        case 'group_not_found':
          return t('admin.errors.groupNotFound');
        case 'validation_error':
        case 'bad_request':
          return t('admin.errors.invalid', { message: err.message });
      }
    }
    return errorText(err);
  };
}

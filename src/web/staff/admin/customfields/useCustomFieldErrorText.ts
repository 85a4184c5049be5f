import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.js';
import { useErrorText } from '../../../components/useErrorText.js';

/** The server's refusals in the administrator's words. */
export function useCustomFieldErrorText() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (err: unknown): string => {
    if (err instanceof ApiError) {
      switch (err.code) {
        case 'custom_field_key_taken':
          return t('customFields.errors.keyTaken');
        case 'custom_field_not_found':
          return t('customFields.errors.notFound');
      }
    }
    return errorText(err);
  };
}

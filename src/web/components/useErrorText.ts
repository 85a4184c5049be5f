import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

/** The fallback wording of an error no page handles specially: network trouble or the server's message. */
export function useErrorText(): (err: unknown) => string {
  const { t } = useTranslation();
  return (err) => {
    if (err instanceof ApiError && err.status === 0) return t('errors.network');
    return t('errors.unexpected', { message: err instanceof Error ? err.message : String(err) });
  };
}

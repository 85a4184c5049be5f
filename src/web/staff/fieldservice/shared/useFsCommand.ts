import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.js';
import { useErrorText } from '../../../components/useErrorText.js';

/** A refusal in the user's words: the server's reason for a 4xx, the generic wording otherwise. */
export function useRefusalText(): (err: unknown) => string {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (err) =>
    err instanceof ApiError && err.status >= 400 && err.status < 500
      ? t('fieldservice.common.refused', { message: err.message })
      : errorText(err);
}

/**
 * One change to a field service object. On success: a toast, and every query under `invalidate` (and
 * the tickets, whose durations and links may have moved) is refetched. A refusal shows the server's
 * reason; nothing is guessed on the client.
 */
export function useFsCommand<Input, Output>(
  run: (input: Input) => Promise<Output>,
  opts: {
    invalidate: QueryKey[];
    success?: string | ((output: Output) => string);
    onSuccess?: (output: Output) => void;
    /** Forms show the refusal in place: no toast then. */
    quiet?: boolean;
  },
) {
  const refusal = useRefusalText();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (output) => {
      for (const queryKey of [...opts.invalidate, ['tickets']])
        void queryClient.invalidateQueries({ queryKey });
      const message = typeof opts.success === 'function' ? opts.success(output) : opts.success;
      if (message) notifications.show({ color: 'teal', message });
      opts.onSuccess?.(output);
    },
    onError: (err) => {
      if (opts.quiet) return;
      notifications.show({ color: 'red', message: refusal(err), autoClose: 8000 });
    },
  });
}

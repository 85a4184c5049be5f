import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.js';
import { ticketKeys, type Ticket } from '../../../api/tickets.api.js';
import { useErrorText } from '../../../components/useErrorText.js';

/** A 409 `stale_version`: someone changed the ticket since this page loaded it. */
export const isStale = (err: unknown) => err instanceof ApiError && err.code === 'stale_version';

/** Actions answer the ticket as it is now; a deletion may answer nothing. */
const isTicket = (answer: unknown): answer is Ticket =>
  answer !== null && typeof answer === 'object' && 'abilities' in answer;

/**
 * One change to a ticket (an action, an edit). The answer replaces the cached ticket; what the change
 * also touches (history, lists, counters) is refetched. A stale version reloads the ticket and says so;
 * any other refusal shows the server's reason.
 */
export function useTicketCommand<Input = void>(
  ticketId: number,
  run: (input: Input) => Promise<unknown>,
  opts: {
    success?: string;
    onSuccess?: () => void;
    /** For what the page does on its own (marking read): a refusal just reloads the ticket. */
    silent?: boolean;
    /** A refusal the caller shows itself (on the fields in error): return true to skip the generic notice. */
    onRefused?: (err: unknown) => boolean;
  } = {},
) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (answer) => {
      const fresh = isTicket(answer);
      if (fresh) queryClient.setQueryData<Ticket>(ticketKeys.one(ticketId), answer);
      // Everything else about tickets may have moved: history, messages, lists, home counters.
      void queryClient.invalidateQueries({
        queryKey: ticketKeys.all,
        predicate: (q) => !(fresh && q.queryKey.length === 2 && q.queryKey[1] === ticketId),
      });
      if (opts.success) notifications.show({ color: 'teal', message: opts.success });
      opts.onSuccess?.();
    },
    onError: (err) => {
      if (opts.silent) {
        void queryClient.invalidateQueries({ queryKey: ticketKeys.one(ticketId) });
        return;
      }
      if (isStale(err)) {
        void queryClient.invalidateQueries({ queryKey: ticketKeys.one(ticketId) });
        notifications.show({ color: 'orange', message: t('tickets.edit.stale'), autoClose: 8000 });
        return;
      }
      if (opts.onRefused?.(err)) return;
      const message =
        err instanceof ApiError && err.status >= 400 && err.status < 500
          ? t('tickets.actions.refused', { message: err.message })
          : errorText(err);
      notifications.show({ color: 'red', message, autoClose: 8000 });
    },
  });
}

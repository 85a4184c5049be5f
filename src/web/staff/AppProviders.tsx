import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { sessionKey } from './auth/session.js';
import { theme } from './theme.js';

/** Server state for the whole app. A request answered `unauthenticated` ends the session in the UI too. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (err) => expireSession(err) }),
    mutationCache: new MutationCache({ onError: (err) => expireSession(err) }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        // Client errors will not change on retry; network and server errors might.
        retry: (count, err) =>
          count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
      },
    },
  });
  function expireSession(err: unknown) {
    if (err instanceof ApiError && err.code === 'unauthenticated' && client.getQueryData(sessionKey)) {
      client.setQueryData(sessionKey, null);
    }
  }
  return client;
}

export function AppProviders({
  i18n,
  queryClient,
  env = 'default',
  children,
}: {
  i18n: I18n;
  queryClient: QueryClient;
  /** 'test' turns off Mantine transitions and portals (component tests). */
  env?: 'default' | 'test';
  children: React.ReactNode;
}) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} env={env} defaultColorScheme="light">
          <Notifications position="top-right" />
          {children}
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

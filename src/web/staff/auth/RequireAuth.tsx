import { Alert, Button, Center, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { FullPageLoader } from '../../components/FullPageLoader.js';
import { IconAlert } from '../../components/icons.js';
import { useErrorText } from '../../components/useErrorText.js';
import { SignedInUserContext, useSession } from './session.js';

/** Renders its children for a signed-in user; sends anyone else to /login, remembering where they were going. */
export function RequireAuth({ children }: { children: React.ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  const errorText = useErrorText();

  if (session.isPending) return <FullPageLoader />;
  if (session.isError) {
    return (
      <Center h="100vh" p="md">
        <Stack maw={480}>
          <Alert color="red" icon={<IconAlert />}>
            {errorText(session.error)}
          </Alert>
          <Button variant="light" onClick={() => void session.refetch()}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Center>
    );
  }
  if (!session.data) {
    const target = location.pathname + location.search + location.hash;
    const to = target === '/' ? '/login' : `/login?next=${encodeURIComponent(target)}`;
    return <Navigate to={to} replace />;
  }
  return <SignedInUserContext value={session.data}>{children}</SignedInUserContext>;
}

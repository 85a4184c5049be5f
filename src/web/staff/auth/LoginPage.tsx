import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { fetchSetupStatus, login } from '../../api/auth.api.js';
import { ApiError } from '../../api/client.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { IconAlert, IconCheck } from '../../components/icons.js';
import { useErrorText } from '../../components/useErrorText.js';
import { safeNext, useSession, useStartSession } from './session.js';

/** Seconds left before a throttled login may be retried, ticking down once a second. */
function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

export function LoginPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const session = useSession();
  const startSession = useStartSession();
  const setupStatus = useQuery({ queryKey: ['setupStatus'], queryFn: fetchSetupStatus, retry: false });
  const passwordSaved = (location.state as { passwordSaved?: boolean } | null)?.passwordSaved === true;

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showFieldErrors, setShowFieldErrors] = useState(false);
  const [retryUntil, setRetryUntil] = useState<number | null>(null);
  const secondsLeft = useCountdown(retryUntil);

  const signIn = useMutation({
    mutationFn: () => login(email.trim(), password),
    onSuccess: (user) => {
      startSession(user);
      void navigate(next, { replace: true });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 429) {
        setRetryUntil(Date.now() + (err.retryAfterSeconds ?? 60) * 1000);
      }
    },
  });

  if (session.data) return <Navigate to={next} replace />;

  const throttled = retryUntil !== null && secondsLeft > 0;
  const error = signIn.error;
  let errorMessage: string | null = null;
  if (error instanceof ApiError && error.status === 429) {
    errorMessage = throttled ? t('login.tooManyAttempts', { seconds: secondsLeft }) : null;
  } else if (error instanceof ApiError && error.code === 'invalid_credentials') {
    errorMessage = t('login.invalidCredentials');
  } else if (error instanceof ApiError && error.code === 'account_inactive') {
    errorMessage = t('login.accountInactive');
  } else if (error) {
    errorMessage = errorText(error);
  }

  const emailError = showFieldErrors && !email.trim() ? t('validation.required') : null;
  const passwordError = showFieldErrors && !password ? t('validation.required') : null;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setShowFieldErrors(true);
    if (!email.trim() || !password || throttled) return;
    signIn.mutate();
  };

  return (
    <AuthLayout title={t('login.title')} subtitle={t('login.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {setupStatus.data?.setupRequired && (
            <Alert color="blue" icon={<IconAlert />} title={t('login.setupRequiredTitle')}>
              {t('login.setupRequiredText')}
            </Alert>
          )}
          {passwordSaved && !error && (
            <Alert color="teal" icon={<IconCheck />}>
              {t('login.passwordSaved')}
            </Alert>
          )}
          {errorMessage && (
            <Alert color="red" icon={<IconAlert />} role="alert">
              {errorMessage}
            </Alert>
          )}
          <TextInput
            label={t('login.email')}
            placeholder={t('login.emailPlaceholder')}
            type="email"
            autoComplete="username"
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={emailError}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={passwordError}
          />
          <Button type="submit" size="md" fullWidth mt="xs" loading={signIn.isPending} disabled={throttled}>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { setPassword } from '../../api/auth.api.js';
import { ApiError } from '../../api/client.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { IconAlert } from '../../components/icons.js';
import { useErrorText } from '../../components/useErrorText.js';
import { PASSWORD_MIN_LENGTH } from './passwordRules.js';

/** Choosing a password from a one-time link (/set-password?token=…), then signing in. */
export function SetPasswordPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';

  const [password, setPasswordValue] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);

  const save = useMutation({
    mutationFn: () => setPassword({ token, password }),
    onSuccess: () => void navigate('/login', { replace: true, state: { passwordSaved: true } }),
  });

  const errors = {
    password:
      password.length < PASSWORD_MIN_LENGTH
        ? t('validation.passwordLength', { min: PASSWORD_MIN_LENGTH })
        : null,
    confirm: confirm !== password ? t('validation.passwordMismatch') : null,
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (errors.password || errors.confirm) return;
    save.mutate();
  };

  const error = save.error;
  const errorMessage =
    error instanceof ApiError && error.code === 'password_token_invalid'
      ? t('setPassword.tokenInvalid')
      : error
        ? errorText(error)
        : null;

  return (
    <AuthLayout title={t('setPassword.title')} subtitle={t('setPassword.subtitle')}>
      {!token ? (
        <Alert color="red" icon={<IconAlert />} role="alert">
          {t('setPassword.missingToken')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {errorMessage && (
              <Alert color="red" icon={<IconAlert />} role="alert">
                {errorMessage}
              </Alert>
            )}
            <PasswordInput
              label={t('setPassword.password')}
              description={t('setPassword.passwordHint')}
              autoComplete="new-password"
              autoFocus
              value={password}
              onChange={(e) => setPasswordValue(e.currentTarget.value)}
              error={checked && errors.password}
            />
            <PasswordInput
              label={t('setPassword.confirm')}
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={checked && errors.confirm}
            />
            <Button type="submit" size="md" fullWidth mt="xs" loading={save.isPending}>
              {t('setPassword.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm" display="block" ta="center" mt="lg">
        {t('common.backToLogin')}
      </Anchor>
    </AuthLayout>
  );
}

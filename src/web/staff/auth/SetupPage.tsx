import {
  Alert,
  Anchor,
  Button,
  Input,
  PasswordInput,
  SegmentedControl,
  Stack,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Language } from '../../../common/languages.js';
import { completeSetup, fetchSetupStatus } from '../../api/auth.api.js';
import { ApiError } from '../../api/client.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { IconAlert } from '../../components/icons.js';
import { useErrorText } from '../../components/useErrorText.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { looksLikeEmail, PASSWORD_MIN_LENGTH } from './passwordRules.js';
import { useStartSession } from './session.js';

/** First-time setup (/setup?token=…): creates the first administrator and signs them in. */
export function SetupPage() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const startSession = useStartSession();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: ['setupStatus'], queryFn: fetchSetupStatus, retry: false });

  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [language, setLanguage] = useState<Language>(() => currentLanguage(i18n));
  const [checked, setChecked] = useState(false);

  const setup = useMutation({
    mutationFn: () => completeSetup({ token, email: email.trim(), name: name.trim(), password, language }),
    onSuccess: (user) => {
      queryClient.setQueryData(['setupStatus'], { setupRequired: false });
      startSession(user);
      void navigate('/', { replace: true });
    },
  });

  const errors = {
    email: !email.trim() ? t('validation.required') : !looksLikeEmail(email) ? t('validation.email') : null,
    name: !name.trim() ? t('validation.required') : null,
    password:
      password.length < PASSWORD_MIN_LENGTH
        ? t('validation.passwordLength', { min: PASSWORD_MIN_LENGTH })
        : null,
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (errors.email || errors.name || errors.password) return;
    setup.mutate();
  };

  const chooseLanguage = (lng: Language) => {
    setLanguage(lng);
    void i18n.changeLanguage(lng); // the person setting up sees the language they pick
  };

  const error = setup.error;
  const code = error instanceof ApiError ? error.code : null;
  let errorMessage: React.ReactNode = null;
  if (code === 'setup_token_invalid') errorMessage = t('setup.tokenInvalid');
  else if (code === 'email_taken') errorMessage = t('setup.emailTaken');
  else if (code === 'setup_already_done') {
    errorMessage = (
      <>
        {t('setup.alreadyDone')}{' '}
        <Anchor component={Link} to="/login" inherit>
          {t('common.backToLogin')}
        </Anchor>
      </>
    );
  } else if (error) errorMessage = errorText(error);

  const alreadyDone = (
    <Alert color="blue" icon={<IconAlert />}>
      {t('setup.alreadyDone')}{' '}
      <Anchor component={Link} to="/login" inherit>
        {t('common.backToLogin')}
      </Anchor>
    </Alert>
  );
  if (status.data && !status.data.setupRequired && !setup.isSuccess) {
    return (
      <AuthLayout title={t('setup.title')} subtitle={t('setup.subtitle')}>
        {alreadyDone}
      </AuthLayout>
    );
  }

  if (!token) {
    return (
      <AuthLayout title={t('setup.title')} subtitle={t('setup.subtitle')}>
        <Alert color="red" icon={<IconAlert />} role="alert">
          {t('setup.missingToken')}
        </Alert>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('setup.title')} subtitle={t('setup.subtitle')} withLanguageSwitch={false}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {errorMessage && (
            <Alert color="red" icon={<IconAlert />} role="alert">
              {errorMessage}
            </Alert>
          )}
          <TextInput
            label={t('setup.name')}
            autoComplete="name"
            autoFocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={checked && errors.name}
          />
          <TextInput
            label={t('setup.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={checked && errors.email}
          />
          <PasswordInput
            label={t('setup.password')}
            description={t('setup.passwordHint')}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={checked && errors.password}
          />
          <Input.Wrapper label={t('setup.language')} labelElement="div">
            <SegmentedControl<Language>
              fullWidth
              mt={4}
              aria-label={t('setup.language')}
              value={language}
              onChange={chooseLanguage}
              data={[
                { value: 'fr', label: t('common.languages.fr') },
                { value: 'en', label: t('common.languages.en') },
              ]}
            />
          </Input.Wrapper>
          <Button type="submit" size="md" fullWidth mt="xs" loading={setup.isPending}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

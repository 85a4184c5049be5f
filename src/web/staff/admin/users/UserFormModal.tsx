import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  Select,
  Stack,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../common/languages.js';
import type { CreatedUser, User } from '../../../api/admin.api.js';
import { looksLikeEmail, PASSWORD_MIN_LENGTH } from '../../auth/passwordRules.js';
import { useAdminErrorText } from './adminErrors.js';
import { useCreateUser, useGroups, useUpdateUser } from './users.hooks.js';

interface Values {
  email: string;
  name: string;
  language: Language;
  groupIds: string[];
  password: string;
}

const initialValues = (user: User | null): Values => ({
  email: user?.email ?? '',
  name: user?.name ?? '',
  language: user?.language ?? 'fr',
  groupIds: user?.groups.map((g) => String(g.id)) ?? [],
  password: '',
});

/** Create a user (`user` null) or edit one. `onCreated` receives the answer, with the one-time link if any. */
export function UserFormModal({
  opened,
  user,
  onClose,
  onCreated,
}: {
  opened: boolean;
  user: User | null;
  onClose: () => void;
  onCreated: (created: CreatedUser) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={user ? t('admin.users.form.editTitle', { name: user.name }) : t('admin.users.form.createTitle')}
    >
      {/* Mounted afresh at each opening: the form starts from the user shown. */}
      {opened && <UserForm user={user} onDone={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function UserForm({
  user,
  onDone,
  onCreated,
}: {
  user: User | null;
  onDone: () => void;
  onCreated: (created: CreatedUser) => void;
}) {
  const { t } = useTranslation();
  const errorText = useAdminErrorText();
  const groups = useGroups();
  const create = useCreateUser();
  const update = useUpdateUser();
  const save = user ? update : create;
  const [values, setValues] = useState<Values>(() => initialValues(user));
  const [showErrors, setShowErrors] = useState(false);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const errors = {
    email: !values.email.trim()
      ? t('validation.required')
      : !looksLikeEmail(values.email)
        ? t('validation.email')
        : null,
    name: values.name.trim() ? null : t('validation.required'),
    password:
      values.password && values.password.length < PASSWORD_MIN_LENGTH
        ? t('validation.passwordLength', { min: PASSWORD_MIN_LENGTH })
        : null,
  };

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setShowErrors(true);
    if (Object.values(errors).some((v) => v !== null)) return;
    const common = {
      email: values.email.trim(),
      name: values.name.trim(),
      language: values.language,
      groupIds: values.groupIds.map(Number),
    };
    if (user) {
      // Only what changed: the audit log then says exactly what the administrator did.
      const sameGroups =
        [...common.groupIds].sort().join() ===
        user.groups
          .map((g) => g.id)
          .sort()
          .join();
      const input = {
        ...(common.email !== user.email ? { email: common.email } : {}),
        ...(common.name !== user.name ? { name: common.name } : {}),
        ...(common.language !== user.language ? { language: common.language } : {}),
        ...(sameGroups ? {} : { groupIds: common.groupIds }),
      };
      if (Object.keys(input).length === 0) onDone();
      else update.mutate({ id: user.id, input }, { onSuccess: onDone });
    } else {
      create.mutate(
        { ...common, ...(values.password ? { password: values.password } : {}) },
        {
          onSuccess: (created) => {
            onDone();
            onCreated(created);
          },
        },
      );
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.error && (
          <Alert color="red" role="alert">
            {errorText(save.error)}
          </Alert>
        )}
        <TextInput
          label={t('admin.users.form.email')}
          type="email"
          required
          maxLength={254}
          data-autofocus
          value={values.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          error={showErrors && errors.email}
        />
        <TextInput
          label={t('admin.users.form.name')}
          required
          maxLength={200}
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={showErrors && errors.name}
        />
        <Select
          label={t('admin.users.form.language')}
          data={[
            { value: 'fr', label: t('common.languages.fr') },
            { value: 'en', label: t('common.languages.en') },
          ]}
          value={values.language}
          allowDeselect={false}
          onChange={(v) => v && set('language', v)}
        />
        <MultiSelect
          label={t('admin.users.form.groups')}
          description={t('admin.users.form.groupsHint')}
          data={(groups.data ?? []).map((g) => ({ value: String(g.id), label: g.name }))}
          value={values.groupIds}
          onChange={(v) => set('groupIds', v)}
          searchable
          clearable
        />
        {user === null && (
          <PasswordInput
            label={t('admin.users.form.password')}
            description={t('admin.users.form.passwordHint')}
            autoComplete="new-password"
            value={values.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={showErrors && errors.password}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('admin.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {user ? t('admin.form.save') : t('admin.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

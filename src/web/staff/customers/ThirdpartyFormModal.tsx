import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import type { Thirdparty } from '../../api/customers.api.js';
import { useMessageOf, useSaveThirdparty } from './customers.hooks.js';

export interface ThirdpartyFormValues {
  name: string;
  code: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  notes: string | null;
}

type Fields = Record<keyof ThirdpartyFormValues, string>;

/** The same loose check as most mail clients: something@something.tld; the server has the last word. */
export const looksLikeEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);

const emptyToNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Create (no `thirdparty`) or edit a customer company. */
export function ThirdpartyFormModal({
  opened,
  onClose,
  thirdparty,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  thirdparty?: Thirdparty;
  onSaved: (tp: Thirdparty) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={thirdparty ? t('customers.form.editTitle') : t('customers.form.createTitle')}
      size="lg"
    >
      <ThirdpartyForm thirdparty={thirdparty} onCancel={onClose} onSaved={onSaved} />
    </Modal>
  );
}

function ThirdpartyForm({
  thirdparty,
  onCancel,
  onSaved,
}: {
  thirdparty?: Thirdparty;
  onCancel: () => void;
  onSaved: (tp: Thirdparty) => void;
}) {
  const { t } = useTranslation();
  const messageOf = useMessageOf();
  const [values, setValues] = useState<Fields>({
    name: thirdparty?.name ?? '',
    code: thirdparty?.code ?? '',
    email: thirdparty?.email ?? '',
    phone: thirdparty?.phone ?? '',
    address: thirdparty?.address ?? '',
    notes: thirdparty?.notes ?? '',
  });
  const [showErrors, setShowErrors] = useState(false);
  const save = useSaveThirdparty(thirdparty?.id ?? null, onSaved);

  const errors = {
    name: values.name.trim() === '' ? t('validation.required') : null,
    email: values.email.trim() !== '' && !looksLikeEmail(values.email.trim()) ? t('validation.email') : null,
  };
  const codeTaken = save.error instanceof ApiError && save.error.code === 'thirdparty_code_taken';
  const field = (key: keyof Fields) => ({
    value: values[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [key]: value }));
    },
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setShowErrors(true);
    if (errors.name || errors.email) return;
    save.mutate({
      name: values.name.trim(),
      code: emptyToNull(values.code),
      email: emptyToNull(values.email),
      phone: emptyToNull(values.phone),
      address: emptyToNull(values.address),
      notes: emptyToNull(values.notes),
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.error && !codeTaken && (
          <Alert color="red" role="alert">
            {messageOf(save.error)}
          </Alert>
        )}
        <TextInput
          label={t('customers.fields.name')}
          required
          maxLength={200}
          data-autofocus
          error={showErrors && errors.name}
          {...field('name')}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('customers.fields.code')}
            description={t('customers.fields.codeHint')}
            maxLength={50}
            error={codeTaken && t('customers.form.codeTaken')}
            {...field('code')}
          />
          <TextInput label={t('customers.fields.phone')} maxLength={50} {...field('phone')} />
        </Group>
        <TextInput
          label={t('customers.fields.email')}
          type="email"
          maxLength={254}
          error={showErrors && errors.email}
          {...field('email')}
        />
        <Textarea label={t('customers.fields.address')} rows={2} maxLength={1000} {...field('address')} />
        <Textarea label={t('customers.fields.notes')} rows={4} maxLength={10000} {...field('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('customers.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('customers.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createContact, customerKeys, updateContact, type Contact } from '../../api/customers.api.js';
import { useMessageOf } from './customers.hooks.js';
import { looksLikeEmail } from './ThirdpartyFormModal.js';

const emptyToNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Add a contact to a third party, or edit one (`contact`). */
export function ContactFormModal({
  opened,
  onClose,
  thirdpartyId,
  contact,
}: {
  opened: boolean;
  onClose: () => void;
  thirdpartyId: number;
  contact: Contact | null;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={contact ? t('customers.contacts.editTitle') : t('customers.contacts.createTitle')}
    >
      <ContactForm thirdpartyId={thirdpartyId} contact={contact} onDone={onClose} />
    </Modal>
  );
}

function ContactForm({
  thirdpartyId,
  contact,
  onDone,
}: {
  thirdpartyId: number;
  contact: Contact | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const messageOf = useMessageOf();
  const [values, setValues] = useState({
    name: contact?.name ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    role: contact?.role ?? '',
  });
  const [showErrors, setShowErrors] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: values.name.trim(),
        email: emptyToNull(values.email),
        phone: emptyToNull(values.phone),
        role: emptyToNull(values.role),
      };
      return contact ? updateContact(contact.id, body) : createContact({ thirdpartyId, ...body });
    },
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('customers.contacts.saved') });
      onDone();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: customerKeys.contacts }),
        queryClient.invalidateQueries({ queryKey: customerKeys.thirdparties }),
      ]);
    },
  });
  const errors = {
    name: values.name.trim() === '' ? t('validation.required') : null,
    email: values.email.trim() !== '' && !looksLikeEmail(values.email.trim()) ? t('validation.email') : null,
  };
  const field = (key: keyof typeof values) => ({
    value: values[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [key]: value }));
    },
  });

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setShowErrors(true);
        if (!errors.name && !errors.email) save.mutate();
      }}
    >
      <Stack>
        {save.error && (
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
        <TextInput
          label={t('customers.fields.email')}
          type="email"
          maxLength={254}
          error={showErrors && errors.email}
          {...field('email')}
        />
        <Group grow>
          <TextInput label={t('customers.fields.phone')} maxLength={50} {...field('phone')} />
          <TextInput label={t('customers.fields.role')} maxLength={100} {...field('role')} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
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

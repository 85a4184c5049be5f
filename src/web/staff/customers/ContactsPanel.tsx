import { ActionIcon, Alert, Anchor, Button, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerKeys, deleteContact, type Contact } from '../../api/customers.api.js';
import { IconPencil, IconTrash } from '../../components/ticketIcons.js';
import { ConfirmDeleteModal } from './ConfirmDeleteModal.js';
import { ContactFormModal } from './ContactFormModal.js';
import { useCanWriteCustomers, useContactsOf, useMessageOf } from './customers.hooks.js';

/** A third party's contacts, with add, edit and delete for users who may change customers. */
export function ContactsPanel({ thirdpartyId }: { thirdpartyId: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const messageOf = useMessageOf();
  const canWrite = useCanWriteCustomers();
  const contacts = useContactsOf(thirdpartyId);
  // `undefined`: no modal; `null`: adding; a contact: editing it.
  const [editing, setEditing] = useState<Contact | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const remove = useMutation({
    mutationFn: (c: Contact) => deleteContact(c.id),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('customers.contacts.deleted') });
      setDeleting(null);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: customerKeys.contacts }),
        queryClient.invalidateQueries({ queryKey: customerKeys.thirdparties }),
      ]);
    },
  });
  const none = t('customers.none');

  if (contacts.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (contacts.isError) {
    return (
      <Alert color="red" role="alert" title={t('customers.contacts.loadError')}>
        {messageOf(contacts.error)}
      </Alert>
    );
  }

  return (
    <Stack>
      {canWrite && (
        <Group justify="flex-end">
          <Button variant="light" onClick={() => setEditing(null)}>
            {t('customers.contacts.add')}
          </Button>
        </Group>
      )}
      {contacts.data.length === 0 ? (
        <Paper withBorder p="lg" radius="md" ta="center">
          <Text c="dimmed">{t('customers.contacts.empty')}</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customers.fields.name')}</Table.Th>
                <Table.Th>{t('customers.fields.email')}</Table.Th>
                <Table.Th>{t('customers.fields.phone')}</Table.Th>
                <Table.Th>{t('customers.fields.role')}</Table.Th>
                {canWrite && <Table.Th w={100}>{t('customers.contacts.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td fw={500}>{c.name}</Table.Td>
                  <Table.Td>
                    {c.email ? <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor> : none}
                  </Table.Td>
                  <Table.Td>{c.phone ?? none}</Table.Td>
                  <Table.Td>{c.role ?? none}</Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('customers.contacts.edit', { name: c.name })}
                          onClick={() => setEditing(c)}
                        >
                          <IconPencil />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('customers.contacts.delete', { name: c.name })}
                          onClick={() => {
                            remove.reset();
                            setDeleting(c);
                          }}
                        >
                          <IconTrash />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <ContactFormModal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        thirdpartyId={thirdpartyId}
        contact={editing ?? null}
      />
      <ConfirmDeleteModal
        opened={deleting !== null}
        title={t('customers.contacts.deleteTitle')}
        message={t('customers.contacts.deleteConfirm', { name: deleting?.name ?? '' })}
        error={remove.error ? messageOf(remove.error) : null}
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
      />
    </Stack>
  );
}

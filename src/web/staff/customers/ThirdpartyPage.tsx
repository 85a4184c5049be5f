import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Tabs, Title } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { customerKeys, deleteThirdparty, type Thirdparty } from '../../api/customers.api.js';
import { useSignedInUser } from '../auth/session.js';
import { ConfirmDeleteModal } from './ConfirmDeleteModal.js';
import { ContactsPanel } from './ContactsPanel.js';
import { PortalLinkPanel } from './PortalLinkPanel.js';
import { useCanWriteCustomers, useMessageOf, useThirdpartyDetail } from './customers.hooks.js';
import { ThirdpartyDetails } from './ThirdpartyDetails.js';
import { ThirdpartyFormModal } from './ThirdpartyFormModal.js';
import { ThirdpartyTicketsPanel } from './ThirdpartyTicketsPanel.js';

/** One customer company: its details, its contacts and its tickets. */
export function ThirdpartyPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const detail = useThirdpartyDetail(id);
  const messageOf = useMessageOf();
  useDocumentTitle(t('app.pageTitle', { page: detail.data?.name ?? t('customers.title') }));

  if (detail.isPending) return <Loader aria-label={t('common.loading')} />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <Stack align="flex-start">
        <Alert color={missing ? 'orange' : 'red'} role="alert" maw={640}>
          {missing ? t('customers.detail.notFound') : messageOf(detail.error)}
        </Alert>
        <Anchor component={Link} to="/customers">
          {t('customers.detail.back')}
        </Anchor>
      </Stack>
    );
  }
  return <ThirdpartyView thirdparty={detail.data} />;
}

function ThirdpartyView({ thirdparty: tp }: { thirdparty: Thirdparty }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const messageOf = useMessageOf();
  const canWrite = useCanWriteCustomers();
  const { permissions } = useSignedInUser();
  const canCreateTicket = permissions.includes('admin') || permissions.includes('ticket.write');
  const [editing, editModal] = useDisclosure(false);
  const [deleting, deleteModal] = useDisclosure(false);
  const remove = useMutation({
    mutationFn: () => deleteThirdparty(tp.id),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('customers.detail.deleted', { name: tp.name }) });
      queryClient.removeQueries({ queryKey: customerKeys.one(tp.id) });
      await navigate('/customers');
      await queryClient.invalidateQueries({ queryKey: customerKeys.thirdparties });
    },
  });

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Anchor component={Link} to="/customers" size="sm">
          ← {t('customers.detail.back')}
        </Anchor>
        <Group justify="space-between" align="flex-start">
          <Group gap="sm" align="center">
            <Title order={1} fz={28}>
              {tp.name}
            </Title>
            {tp.code && (
              <Badge variant="light" radius="sm">
                {tp.code}
              </Badge>
            )}
            {tp.openTicketCount > 0 && (
              <Badge color="indigo" variant="outline" radius="sm">
                {t('customers.detail.openTickets', { count: tp.openTicketCount })}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            {canCreateTicket && (
              <Button component={Link} to={`/tickets/new?thirdpartyId=${tp.id}`}>
                {t('customers.detail.newTicket')}
              </Button>
            )}
            {canWrite && (
              <>
                <Button variant="default" onClick={editModal.open}>
                  {t('customers.detail.edit')}
                </Button>
                <Button variant="subtle" color="red" onClick={deleteModal.open}>
                  {t('customers.detail.delete')}
                </Button>
              </>
            )}
          </Group>
        </Group>
      </Stack>

      <Tabs defaultValue="details" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="details">{t('customers.detail.tabDetails')}</Tabs.Tab>
          <Tabs.Tab value="contacts">
            {t('customers.detail.tabContacts', { count: tp.contactCount })}
          </Tabs.Tab>
          <Tabs.Tab value="tickets">{t('customers.detail.tabTickets')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <ThirdpartyDetails thirdparty={tp} />
          <PortalLinkPanel thirdparty={tp} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="md">
          <ContactsPanel thirdpartyId={tp.id} />
        </Tabs.Panel>
        <Tabs.Panel value="tickets" pt="md">
          <ThirdpartyTicketsPanel thirdpartyId={tp.id} />
        </Tabs.Panel>
      </Tabs>

      <ThirdpartyFormModal
        opened={editing}
        onClose={editModal.close}
        thirdparty={tp}
        onSaved={editModal.close}
      />
      <ConfirmDeleteModal
        opened={deleting}
        title={t('customers.detail.deleteTitle')}
        message={t('customers.detail.deleteConfirm', { name: tp.name })}
        error={
          remove.error
            ? remove.error instanceof ApiError && remove.error.code === 'thirdparty_has_tickets'
              ? t('customers.detail.deleteRefused')
              : remove.error instanceof ApiError && remove.error.code === 'thirdparty_in_use'
                ? t('customers.detail.deleteRefusedInUse')
                : messageOf(remove.error)
            : null
        }
        loading={remove.isPending}
        onCancel={() => {
          remove.reset();
          deleteModal.close();
        }}
        onConfirm={() => remove.mutate()}
      />
    </Stack>
  );
}

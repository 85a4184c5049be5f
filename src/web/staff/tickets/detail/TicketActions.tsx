import { ActionIcon, Button, Group, Menu } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Resolution } from '../../../../common/tickets.js';
import {
  assignTicket,
  closeTicket,
  deleteTicket,
  reopenTicket,
  restoreTicket,
  setTicketStatus,
  type Ticket,
} from '../../../api/tickets.api.js';
import {
  IconCircleCheck,
  IconDots,
  IconPause,
  IconPlay,
  IconRefresh,
  IconRestore,
  IconTrash,
  IconUserMinus,
  IconUserPlus,
} from '../../../components/ticketIcons.js';
import { useSignedInUser } from '../../auth/session.js';
import { TicketFieldserviceActions } from '../../fieldservice/ticket/TicketFieldserviceActions.js';
import { useAssignableUsers } from '../lookups.js';
import { AssignModal, CloseModal, DeleteModal, PurgeModal } from './ActionModals.js';
import { useTicketCommand } from './useTicketCommand.js';

type Dialog = 'assign' | 'close' | 'delete' | 'purge' | null;

/**
 * The workflow buttons: each one shows only when the server's `abilities` allow it. Deleting and purging
 * wait behind a menu, away from the everyday buttons.
 */
export function TicketActions({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSignedInUser();
  const users = useAssignableUsers();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { id, version, abilities: can } = ticket;
  const done = (
    action: Exclude<
      keyof Ticket['abilities'],
      | 'update'
      | 'markRead'
      | 'addMessage'
      | 'addNote'
      | 'uploadDocument'
      | 'createIntervention'
      | 'createProposal'
      | 'createEvent'
    >,
  ) => t(`tickets.actions.done.${action}`);
  const closeDialog = () => setDialog(null);

  const assign = useTicketCommand(id, (userId: number) => assignTicket(id, userId, version), {
    success: done('assign'),
    onSuccess: closeDialog,
  });
  const unassign = useTicketCommand(id, () => assignTicket(id, null, version), { success: done('unassign') });
  const setWaiting = useTicketCommand(id, () => setTicketStatus(id, 'waiting', version), {
    success: done('setWaiting'),
  });
  const setInProgress = useTicketCommand(id, () => setTicketStatus(id, 'in_progress', version), {
    success: done('setInProgress'),
  });
  const close = useTicketCommand(
    id,
    (input: { resolution: Resolution; notifyCustomer: boolean }) => closeTicket(id, { ...input, version }),
    { success: done('close'), onSuccess: closeDialog },
  );
  const reopen = useTicketCommand(id, () => reopenTicket(id, version), { success: done('reopen') });
  const restore = useTicketCommand(id, () => restoreTicket(id, version), { success: done('restore') });
  const remove = useTicketCommand(id, () => deleteTicket(id), {
    success: done('delete'),
    onSuccess: closeDialog,
  });
  const purge = useTicketCommand(id, () => deleteTicket(id, true), {
    success: done('purge'),
    onSuccess: () => void navigate('/tickets', { replace: true }),
  });

  const userList = users.data ?? null;
  const assignedToMe = ticket.assigneeId === me.id;

  return (
    <Group gap="xs" role="toolbar" aria-label={t('tickets.actions.label')}>
      {can.assign && userList && (
        <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={() => setDialog('assign')}>
          {t('tickets.actions.assign')}
        </Button>
      )}
      {can.assign && !userList && !assignedToMe && (
        <Button
          variant="light"
          leftSection={<IconUserPlus size={16} />}
          loading={assign.isPending}
          onClick={() => assign.mutate(me.id)}
        >
          {t('tickets.actions.assignToMe')}
        </Button>
      )}
      {can.unassign && (
        <Button
          variant="default"
          leftSection={<IconUserMinus size={16} />}
          loading={unassign.isPending}
          onClick={() => unassign.mutate()}
        >
          {t('tickets.actions.unassign')}
        </Button>
      )}
      {/* Moving to the status it already has changes nothing: not worth a button. */}
      {can.setInProgress && ticket.status !== 'in_progress' && (
        <Button
          variant="default"
          leftSection={<IconPlay size={14} />}
          loading={setInProgress.isPending}
          onClick={() => setInProgress.mutate()}
        >
          {t('tickets.actions.setInProgress')}
        </Button>
      )}
      {can.setWaiting && ticket.status !== 'waiting' && (
        <Button
          variant="default"
          leftSection={<IconPause size={14} />}
          loading={setWaiting.isPending}
          onClick={() => setWaiting.mutate()}
        >
          {t('tickets.actions.setWaiting')}
        </Button>
      )}
      {can.close && (
        <Button color="teal" leftSection={<IconCircleCheck size={16} />} onClick={() => setDialog('close')}>
          {t('tickets.actions.close')}
        </Button>
      )}
      {can.reopen && (
        <Button
          variant="light"
          leftSection={<IconRefresh size={16} />}
          loading={reopen.isPending}
          onClick={() => reopen.mutate()}
        >
          {t('tickets.actions.reopen')}
        </Button>
      )}
      {can.restore && (
        <Button
          variant="light"
          leftSection={<IconRestore size={16} />}
          loading={restore.isPending}
          onClick={() => restore.mutate()}
        >
          {t('tickets.actions.restore')}
        </Button>
      )}
      <TicketFieldserviceActions ticket={ticket} />
      {(can.delete || can.purge) && (
        <Menu position="bottom-end" shadow="md" withinPortal>
          <Menu.Target>
            <ActionIcon variant="default" size={36} aria-label={t('tickets.actions.more')}>
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {can.delete && (
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => setDialog('delete')}
              >
                {t('tickets.actions.delete')}
              </Menu.Item>
            )}
            {can.purge && (
              <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDialog('purge')}>
                {t('tickets.actions.purge')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      )}

      {dialog === 'assign' && userList && (
        <AssignModal
          opened
          onClose={closeDialog}
          loading={assign.isPending}
          users={userList}
          currentId={ticket.assigneeId}
          meId={me.id}
          onAssign={(userId) => assign.mutate(userId)}
        />
      )}
      {dialog === 'close' && (
        <CloseModal
          opened
          onClose={closeDialog}
          loading={close.isPending}
          canNotify={ticket.contactId !== null || ticket.authorEmail !== null || ticket.thirdpartyId !== null}
          notifyByDefault={ticket.defaults.notifyCustomerOnClose}
          onConfirm={(input) => close.mutate(input)}
        />
      )}
      {dialog === 'delete' && (
        <DeleteModal
          opened
          onClose={closeDialog}
          loading={remove.isPending}
          ticketRef={ticket.ref}
          onConfirm={() => remove.mutate()}
        />
      )}
      {dialog === 'purge' && (
        <PurgeModal
          opened
          onClose={closeDialog}
          loading={purge.isPending}
          ticketRef={ticket.ref}
          onConfirm={() => purge.mutate()}
        />
      )}
    </Group>
  );
}

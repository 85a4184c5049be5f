import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { createInterventionFromTicket, interventionKeys } from '../../../api/interventions.api.js';
import { createProposalFromTicket, proposalKeys } from '../../../api/proposals.api.js';
import type { Ticket } from '../../../api/tickets.api.js';
import { IconCalendar, IconReceipt, IconTool } from '../fieldserviceIcons.js';
import { EventFormModal } from '../agenda/EventFormModal.js';
import { useFsCommand, useRefusalText } from '../shared/useFsCommand.js';

/**
 * "Create intervention / proposal / event" on the ticket page, each offered only when the ticket's
 * abilities allow it (the server knows: a third party is needed for the first two, and the permissions).
 * The intervention and the proposal open once created, to fill in their lines; the event stays a dialog.
 */
export function TicketFieldserviceActions({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'intervention' | 'event' | null>(null);
  const can = ticket.abilities;
  const proposal = useFsCommand(() => createProposalFromTicket(ticket.id, {}), {
    invalidate: [proposalKeys.all],
    success: (p) => t('fieldservice.ticket.proposalCreated', { ref: p.ref }),
    onSuccess: (p) => void navigate(`/proposals/${p.id}`),
  });
  return (
    <>
      {can.createIntervention && (
        <Button
          variant="default"
          leftSection={<IconTool size={16} />}
          onClick={() => setDialog('intervention')}
        >
          {t('fieldservice.ticket.createIntervention')}
        </Button>
      )}
      {can.createProposal && (
        <Button
          variant="default"
          leftSection={<IconReceipt size={16} />}
          loading={proposal.isPending}
          onClick={() => proposal.mutate(undefined)}
        >
          {t('fieldservice.ticket.createProposal')}
        </Button>
      )}
      {can.createEvent && (
        <Button variant="default" leftSection={<IconCalendar size={16} />} onClick={() => setDialog('event')}>
          {t('fieldservice.ticket.createEvent')}
        </Button>
      )}
      {dialog === 'intervention' && (
        <InterventionFromTicket ticket={ticket} onClose={() => setDialog(null)} />
      )}
      {dialog === 'event' && <EventFormModal ticket={ticket} onClose={() => setDialog(null)} />}
    </>
  );
}

/** The description starts as the ticket's subject; customer, equipment and contract come from the ticket. */
function InterventionFromTicket({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refusal = useRefusalText();
  const [description, setDescription] = useState(ticket.subject);
  const create = useFsCommand(
    () => createInterventionFromTicket(ticket.id, { description: description.trim() }),
    {
      invalidate: [interventionKeys.all],
      quiet: true,
      success: (i) => t('fieldservice.ticket.interventionCreated', { ref: i.ref }),
      onSuccess: (i) => {
        onClose();
        void navigate(`/interventions/${i.id}`);
      },
    },
  );
  const title = t('fieldservice.interventions.form.createTitle');
  return (
    <Modal opened onClose={onClose} title={title}>
      <form
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(undefined);
        }}
      >
        <Stack>
          <Textarea
            label={t('fieldservice.interventions.fields.description')}
            description={t('fieldservice.common.fromTicket', { ref: ticket.ref })}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            rows={3}
            maxLength={10000}
            data-autofocus
          />
          {create.isError && (
            <Alert color="red" role="alert">
              {refusal(create.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('fieldservice.common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('fieldservice.common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createProposal, proposalKeys, updateProposal, type Proposal } from '../../../api/proposals.api.js';
import { ThirdpartySelect } from '../../tickets/ThirdpartySelect.js';
import { DateField } from '../shared/DateField.js';
import { useFsCommand, useRefusalText } from '../shared/useFsCommand.js';

/** Create (no `proposal`) or edit a proposal's validity date and notes; lines are edited on its page. */
export function ProposalFormModal({
  proposal,
  onClose,
  onSaved,
}: {
  proposal?: Proposal;
  onClose: () => void;
  onSaved?: (proposal: Proposal) => void;
}) {
  const { t } = useTranslation();
  const refusal = useRefusalText();
  const [thirdpartyId, setThirdpartyId] = useState<number | null>(proposal?.thirdpartyId ?? null);
  const [validUntil, setValidUntil] = useState<string | null>(proposal?.validUntil ?? null);
  const [notes, setNotes] = useState(proposal?.notes ?? '');
  const [showErrors, setShowErrors] = useState(false);
  const save = useFsCommand(
    () => {
      const fields = { validUntil, notes: notes.trim() === '' ? null : notes.trim() };
      return proposal
        ? updateProposal(proposal.id, fields)
        : createProposal({ ...fields, thirdpartyId: thirdpartyId ?? 0 });
    },
    {
      invalidate: [proposalKeys.all],
      quiet: true,
      success: (p) =>
        proposal ? t('fieldservice.common.saved') : t('fieldservice.proposals.form.created', { ref: p.ref }),
      onSuccess: (p) => {
        onClose();
        onSaved?.(p);
      },
    },
  );
  const customerError = !proposal && thirdpartyId === null ? t('validation.required') : null;
  const title = proposal
    ? t('fieldservice.proposals.form.editTitle')
    : t('fieldservice.proposals.form.createTitle');

  return (
    <Modal opened onClose={onClose} title={title}>
      <form
        noValidate
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          setShowErrors(true);
          if (!customerError) save.mutate(undefined);
        }}
      >
        <Stack>
          {!proposal && (
            <ThirdpartySelect
              label={t('fieldservice.proposals.fields.customer')}
              placeholder={t('fieldservice.common.customerPlaceholder')}
              value={thirdpartyId}
              onChange={setThirdpartyId}
              error={showErrors && customerError}
              required
            />
          )}
          <DateField
            label={t('fieldservice.proposals.fields.validUntil')}
            value={validUntil}
            onChange={setValidUntil}
            clearable
          />
          <Textarea
            label={t('fieldservice.common.notes')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            rows={4}
            maxLength={10000}
          />
          {save.isError && (
            <Alert color="red" role="alert">
              {refusal(save.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('fieldservice.common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('fieldservice.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

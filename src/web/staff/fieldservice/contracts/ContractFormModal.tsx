import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contractKeys, createContract, updateContract, type Contract } from '../../../api/contracts.api.js';
import { ThirdpartySelect } from '../../tickets/ThirdpartySelect.js';
import { DateField } from '../shared/DateField.js';
import { useFsCommand, useRefusalText } from '../shared/useFsCommand.js';

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Create (no `contract`) or edit a service contract. Its customer is chosen once, at creation. */
export function ContractFormModal({
  contract,
  initialThirdpartyId = null,
  onClose,
  onSaved,
}: {
  contract?: Contract;
  initialThirdpartyId?: number | null;
  onClose: () => void;
  onSaved?: (contract: Contract) => void;
}) {
  const { t } = useTranslation();
  const refusal = useRefusalText();
  const [thirdpartyId, setThirdpartyId] = useState<number | null>(
    contract?.thirdpartyId ?? initialThirdpartyId,
  );
  const [label, setLabel] = useState(contract?.label ?? '');
  const [startDate, setStartDate] = useState<string | null>(contract?.startDate ?? null);
  const [endDate, setEndDate] = useState<string | null>(contract?.endDate ?? null);
  const [notes, setNotes] = useState(contract?.notes ?? '');
  const [showErrors, setShowErrors] = useState(false);
  const save = useFsCommand(
    () => {
      const fields = { label: label.trim(), startDate: startDate ?? '', endDate, notes: orNull(notes) };
      return contract
        ? updateContract(contract.id, fields)
        : createContract({ ...fields, thirdpartyId: thirdpartyId ?? 0 });
    },
    {
      invalidate: [contractKeys.all],
      success: (c) =>
        contract ? t('fieldservice.common.saved') : t('fieldservice.contracts.form.created', { ref: c.ref }),
      quiet: true,
      onSuccess: (c) => {
        onClose();
        onSaved?.(c);
      },
    },
  );
  const errors = {
    thirdparty: thirdpartyId === null ? t('validation.required') : null,
    label: label.trim() === '' ? t('validation.required') : null,
    startDate: startDate === null ? t('validation.required') : null,
    endDate:
      startDate && endDate && endDate < startDate ? t('fieldservice.contracts.form.endBeforeStart') : null,
  };
  const invalid = Object.values(errors).some((e) => e !== null);

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        contract ? t('fieldservice.contracts.form.editTitle') : t('fieldservice.contracts.form.createTitle')
      }
      size="lg"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setShowErrors(true);
          if (!invalid) save.mutate(undefined);
        }}
      >
        <Stack>
          {!contract && (
            <ThirdpartySelect
              label={t('fieldservice.contracts.fields.customer')}
              placeholder={t('fieldservice.common.customerPlaceholder')}
              value={thirdpartyId}
              onChange={setThirdpartyId}
              error={showErrors && errors.thirdparty}
              required
            />
          )}
          <TextInput
            label={t('fieldservice.contracts.fields.label')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={showErrors && errors.label}
            maxLength={200}
            required
            data-autofocus
          />
          <Group grow align="flex-start">
            <DateField
              label={t('fieldservice.contracts.fields.startDate')}
              value={startDate}
              onChange={setStartDate}
              error={showErrors && errors.startDate}
              required
            />
            <DateField
              label={t('fieldservice.contracts.fields.endDate')}
              value={endDate}
              onChange={setEndDate}
              error={errors.endDate}
              clearable
            />
          </Group>
          <Textarea
            label={t('fieldservice.contracts.fields.notes')}
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

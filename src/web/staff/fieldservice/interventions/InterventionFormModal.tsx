import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createIntervention,
  interventionKeys,
  updateIntervention,
  type Intervention,
} from '../../../api/interventions.api.js';
import { EquipmentSelect } from '../../tickets/EquipmentSelect.js';
import { ThirdpartySelect } from '../../tickets/ThirdpartySelect.js';
import { ContractSelect } from '../shared/ContractSelect.js';
import { useFsCommand, useRefusalText } from '../shared/useFsCommand.js';

/**
 * Create (no `intervention`) or edit an intervention: customer (at creation only), description, and the
 * customer's equipment and contract. Left empty, the contract follows the equipment's (the API does it).
 */
export function InterventionFormModal({
  intervention,
  onClose,
  onSaved,
}: {
  intervention?: Intervention;
  onClose: () => void;
  onSaved?: (intervention: Intervention) => void;
}) {
  const { t } = useTranslation();
  const refusal = useRefusalText();
  const [thirdpartyId, setThirdpartyId] = useState<number | null>(intervention?.thirdpartyId ?? null);
  const [description, setDescription] = useState(intervention?.description ?? '');
  const [equipmentId, setEquipmentId] = useState<number | null>(intervention?.equipmentId ?? null);
  const [contractId, setContractId] = useState<number | null>(intervention?.contractId ?? null);
  const [showErrors, setShowErrors] = useState(false);
  const save = useFsCommand(
    () =>
      intervention
        ? updateIntervention(intervention.id, { description: description.trim(), equipmentId, contractId })
        : createIntervention({
            thirdpartyId: thirdpartyId ?? 0,
            description: description.trim(),
            equipmentId,
            ...(contractId === null ? {} : { contractId }),
          }),
    {
      invalidate: [interventionKeys.all],
      quiet: true,
      success: (i) =>
        intervention
          ? t('fieldservice.common.saved')
          : t('fieldservice.interventions.form.created', { ref: i.ref }),
      onSuccess: (i) => {
        onClose();
        onSaved?.(i);
      },
    },
  );
  const customerError = thirdpartyId === null ? t('validation.required') : null;

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        intervention
          ? t('fieldservice.interventions.form.editTitle')
          : t('fieldservice.interventions.form.createTitle')
      }
      size="lg"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setShowErrors(true);
          if (!customerError) save.mutate(undefined);
        }}
      >
        <Stack>
          {!intervention && (
            <ThirdpartySelect
              label={t('fieldservice.interventions.fields.customer')}
              placeholder={t('fieldservice.common.customerPlaceholder')}
              value={thirdpartyId}
              onChange={(id) => {
                setThirdpartyId(id);
                setEquipmentId(null);
                setContractId(null);
              }}
              error={showErrors && customerError}
              required
            />
          )}
          <Textarea
            label={t('fieldservice.interventions.fields.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            rows={4}
            maxLength={10000}
            data-autofocus
          />
          <Group grow align="flex-start">
            <EquipmentSelect thirdpartyId={thirdpartyId} value={equipmentId} onChange={setEquipmentId} />
            <ContractSelect thirdpartyId={thirdpartyId} value={contractId} onChange={setContractId} />
          </Group>
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

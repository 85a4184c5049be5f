import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createEquipment,
  equipmentKeys,
  updateEquipment,
  type Equipment,
} from '../../../api/equipment.api.js';
import { ThirdpartySelect } from '../../tickets/ThirdpartySelect.js';
import { ContractSelect } from '../shared/ContractSelect.js';
import { useFsCommand, useRefusalText } from '../shared/useFsCommand.js';

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Create (no `equipment`) or edit an item of a customer's park; its contract is one of that customer's. */
export function EquipmentFormModal({
  equipment,
  initialThirdpartyId = null,
  onClose,
  onSaved,
}: {
  equipment?: Equipment;
  initialThirdpartyId?: number | null;
  onClose: () => void;
  onSaved?: (equipment: Equipment) => void;
}) {
  const { t } = useTranslation();
  const refusal = useRefusalText();
  const [thirdpartyId, setThirdpartyId] = useState<number | null>(
    equipment?.thirdpartyId ?? initialThirdpartyId,
  );
  const [label, setLabel] = useState(equipment?.label ?? '');
  const [serialNumber, setSerialNumber] = useState(equipment?.serialNumber ?? '');
  const [contractId, setContractId] = useState<number | null>(equipment?.contractId ?? null);
  const [location, setLocation] = useState(equipment?.location ?? '');
  const [notes, setNotes] = useState(equipment?.notes ?? '');
  const [showErrors, setShowErrors] = useState(false);
  const save = useFsCommand(
    () => {
      const fields = {
        label: label.trim(),
        serialNumber: orNull(serialNumber),
        contractId,
        location: orNull(location),
        notes: orNull(notes),
      };
      return equipment
        ? updateEquipment(equipment.id, fields)
        : createEquipment({ ...fields, thirdpartyId: thirdpartyId ?? 0 });
    },
    {
      invalidate: [equipmentKeys.all],
      quiet: true,
      success: (e) =>
        equipment ? t('fieldservice.common.saved') : t('fieldservice.equipment.form.created', { ref: e.ref }),
      onSuccess: (e) => {
        onClose();
        onSaved?.(e);
      },
    },
  );
  const errors = {
    thirdparty: thirdpartyId === null ? t('validation.required') : null,
    label: label.trim() === '' ? t('validation.required') : null,
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        equipment ? t('fieldservice.equipment.form.editTitle') : t('fieldservice.equipment.form.createTitle')
      }
      size="lg"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setShowErrors(true);
          if (!errors.thirdparty && !errors.label) save.mutate(undefined);
        }}
      >
        <Stack>
          {!equipment && (
            <ThirdpartySelect
              label={t('fieldservice.equipment.fields.customer')}
              placeholder={t('fieldservice.common.customerPlaceholder')}
              value={thirdpartyId}
              onChange={(id) => {
                setThirdpartyId(id);
                setContractId(null);
              }}
              error={showErrors && errors.thirdparty}
              required
            />
          )}
          <TextInput
            label={t('fieldservice.equipment.fields.label')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={showErrors && errors.label}
            maxLength={200}
            required
            data-autofocus
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('fieldservice.equipment.fields.serialNumber')}
              value={serialNumber}
              onChange={(e) => setSerialNumber(e.currentTarget.value)}
              maxLength={100}
            />
            <ContractSelect thirdpartyId={thirdpartyId} value={contractId} onChange={setContractId} />
          </Group>
          <TextInput
            label={t('fieldservice.equipment.fields.location')}
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
            maxLength={500}
          />
          <Textarea
            label={t('fieldservice.equipment.fields.notes')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            rows={3}
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

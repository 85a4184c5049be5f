import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addProposalLine,
  deleteProposalLine,
  proposalKeys,
  updateProposalLine,
  type Proposal,
  type ProposalLine,
} from '../../../api/proposals.api.js';
import { IconPencil, IconPlus, IconTrash } from '../../../components/ticketIcons.js';
import { currentLanguage } from '../../../i18n/i18n.js';
import { useFsFormat } from '../shared/fsFormat.js';
import { useFsCommand, useRefusalText } from '../shared/useFsCommand.js';
import { ProposalTotals } from './ProposalTotals.js';

/**
 * The lines of a proposal and its totals. Amounts come from the API (computed in cents); while the
 * proposal is a draft and the user may write (`editable`), lines are added, edited and deleted, and each
 * change answers the proposal with its new totals.
 */
export function ProposalLines({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const format = useFsFormat();
  const [editing, setEditing] = useState<ProposalLine | 'new' | null>(null);
  const remove = useFsCommand((lineId: number) => deleteProposalLine(proposal.id, lineId), {
    invalidate: [proposalKeys.all],
    success: t('fieldservice.proposals.lines.deleted'),
  });
  const editable = proposal.editable;

  return (
    <Stack gap="sm">
      {proposal.lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('fieldservice.proposals.lines.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" aria-label={t('fieldservice.proposals.lines.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fieldservice.proposals.lines.description')}</Table.Th>
                <Table.Th ta="right">{t('fieldservice.proposals.lines.quantity')}</Table.Th>
                <Table.Th ta="right">{t('fieldservice.proposals.lines.unitPrice')}</Table.Th>
                <Table.Th ta="right">{t('fieldservice.proposals.lines.vatRate')}</Table.Th>
                <Table.Th ta="right">{t('fieldservice.proposals.lines.lineTotal')}</Table.Th>
                {editable && <Table.Th w={80} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proposal.lines.map((line) => (
                <Table.Tr key={line.id}>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{line.description}</Table.Td>
                  <Table.Td ta="right">{format.decimal(line.quantity)}</Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {format.money(line.unitPrice)}
                  </Table.Td>
                  <Table.Td ta="right">{format.decimal(line.vatRate)}</Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {format.money(line.totalExclTax)}
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('fieldservice.proposals.lines.edit', {
                            description: line.description,
                          })}
                          onClick={() => setEditing(line)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('fieldservice.proposals.lines.delete', {
                            description: line.description,
                          })}
                          loading={remove.isPending && remove.variables === line.id}
                          onClick={() => remove.mutate(line.id)}
                        >
                          <IconTrash size={16} />
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
      {editable && (
        <Button
          variant="light"
          w="fit-content"
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing('new')}
        >
          {t('fieldservice.proposals.lines.add')}
        </Button>
      )}
      <ProposalTotals proposal={proposal} />
      {editing !== null && (
        <LineModal
          proposal={proposal}
          line={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

/** At most `places` decimals, as the API accepts (it checks again). */
const hasPlaces = (n: number, places: number) =>
  Math.abs(n * 10 ** places - Math.round(n * 10 ** places)) < 1e-6;

function LineModal({
  proposal,
  line,
  onClose,
}: {
  proposal: Proposal;
  line: ProposalLine | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const refusal = useRefusalText();
  const decimalSeparator = currentLanguage(i18n) === 'fr' ? ',' : '.';
  const [description, setDescription] = useState(line?.description ?? '');
  const [quantity, setQuantity] = useState<number | string>(line?.quantity ?? 1);
  const [unitPrice, setUnitPrice] = useState<number | string>(line?.unitPrice ?? '');
  const [vatRate, setVatRate] = useState<number | string>(line?.vatRate ?? 20);
  const [showErrors, setShowErrors] = useState(false);
  const invalidNumber = t('fieldservice.proposals.lines.invalidNumber');
  const errors = {
    description: description.trim() === '' ? t('validation.required') : null,
    quantity: typeof quantity === 'number' && quantity > 0 && hasPlaces(quantity, 3) ? null : invalidNumber,
    unitPrice: typeof unitPrice === 'number' && hasPlaces(unitPrice, 2) ? null : invalidNumber,
    vatRate:
      typeof vatRate === 'number' && vatRate >= 0 && vatRate <= 100 && hasPlaces(vatRate, 3)
        ? null
        : invalidNumber,
  };
  const save = useFsCommand(
    () => {
      const input = {
        description: description.trim(),
        quantity: Number(quantity),
        unitPrice: Number(unitPrice),
        vatRate: Number(vatRate),
      };
      return line ? updateProposalLine(proposal.id, line.id, input) : addProposalLine(proposal.id, input);
    },
    {
      invalidate: [proposalKeys.all],
      quiet: true,
      success: line ? t('fieldservice.proposals.lines.saved') : t('fieldservice.proposals.lines.added'),
      onSuccess: onClose,
    },
  );
  const title = line
    ? t('fieldservice.proposals.lines.editTitle')
    : t('fieldservice.proposals.lines.addTitle');
  const numberProps = { decimalSeparator, hideControls: true, required: true } as const;

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form
        noValidate
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          setShowErrors(true);
          if (!Object.values(errors).some((v) => v !== null)) save.mutate(undefined);
        }}
      >
        <Stack>
          <Textarea
            label={t('fieldservice.proposals.lines.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={showErrors && errors.description}
            rows={2}
            maxLength={5000}
            required
            data-autofocus
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t('fieldservice.proposals.lines.quantity')}
              value={quantity}
              onChange={setQuantity}
              decimalScale={3}
              allowNegative={false}
              error={showErrors && errors.quantity}
              {...numberProps}
            />
            <NumberInput
              label={t('fieldservice.proposals.lines.unitPrice')}
              value={unitPrice}
              onChange={setUnitPrice}
              decimalScale={2}
              error={showErrors && errors.unitPrice}
              {...numberProps}
            />
            <NumberInput
              label={t('fieldservice.proposals.lines.vatRate')}
              value={vatRate}
              onChange={setVatRate}
              decimalScale={3}
              allowNegative={false}
              error={showErrors && errors.vatRate}
              {...numberProps}
            />
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

import { Button, Checkbox, Group, Modal, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESOLUTIONS, type Resolution } from '../../../../common/tickets.js';
import type { UserRef } from '../../../../common/schemas/user.schema.js';

interface ModalBase {
  opened: boolean;
  onClose: () => void;
  loading: boolean;
}

export function AssignModal({
  opened,
  onClose,
  loading,
  users,
  currentId,
  meId,
  onAssign,
}: ModalBase & {
  users: UserRef[];
  currentId: number | null;
  meId: number;
  onAssign: (userId: number) => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(currentId === null ? null : String(currentId));
  return (
    <Modal opened={opened} onClose={onClose} title={t('tickets.actions.assignTitle')}>
      <Stack>
        <Select
          label={t('tickets.actions.assignTo')}
          data={users.map((u) => ({ value: String(u.id), label: u.name }))}
          value={picked}
          onChange={setPicked}
          searchable
          data-autofocus
        />
        <Group justify="space-between">
          <Button variant="subtle" onClick={() => onAssign(meId)} loading={loading}>
            {t('tickets.actions.assignToMe')}
          </Button>
          <Button disabled={!picked} loading={loading} onClick={() => picked && onAssign(Number(picked))}>
            {t('tickets.actions.assignSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function CloseModal({
  opened,
  onClose,
  loading,
  canNotify,
  notifyByDefault,
  onConfirm,
}: ModalBase & {
  /** Only when the ticket has someone to write to. */
  canNotify: boolean;
  /** Whether "notify the customer" starts ticked (the setting `mail.noticeOnClose`). */
  notifyByDefault: boolean;
  onConfirm: (input: { resolution: Resolution; notifyCustomer: boolean }) => void;
}) {
  const { t } = useTranslation();
  const [resolution, setResolution] = useState<Resolution>('solved');
  const [notify, setNotify] = useState(notifyByDefault);
  // Nobody to write to: nothing to send, whatever the default says.
  const notifyCustomer = canNotify && notify;
  return (
    <Modal opened={opened} onClose={onClose} title={t('tickets.actions.closeTitle')}>
      <Stack>
        <Radio.Group
          label={t('tickets.actions.closeResolution')}
          value={resolution}
          onChange={(v) => setResolution(v)}
        >
          <Stack gap="xs" mt="xs">
            {RESOLUTIONS.map((r) => (
              <Radio key={r} value={r} label={t(`tickets.resolution.${r}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {canNotify && (
          <Checkbox
            label={t('tickets.actions.closeNotify')}
            checked={notify}
            onChange={(e) => setNotify(e.currentTarget.checked)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('tickets.actions.cancel')}
          </Button>
          <Button color="teal" loading={loading} onClick={() => onConfirm({ resolution, notifyCustomer })}>
            {t('tickets.actions.closeSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function DeleteModal({
  opened,
  onClose,
  loading,
  ticketRef,
  onConfirm,
}: ModalBase & { ticketRef: string; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('tickets.actions.deleteTitle')}>
      <Text size="sm" mb="lg">
        {t('tickets.actions.deleteText', { ref: ticketRef })}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          {t('tickets.actions.cancel')}
        </Button>
        <Button color="red" loading={loading} onClick={onConfirm}>
          {t('tickets.actions.deleteSubmit')}
        </Button>
      </Group>
    </Modal>
  );
}

/** Purging cannot be undone: the reference must be typed out, not just clicked through. */
export function PurgeModal({
  opened,
  onClose,
  loading,
  ticketRef,
  onConfirm,
}: ModalBase & { ticketRef: string; onConfirm: () => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={t('tickets.actions.purgeTitle')}>
      <Stack>
        <Text size="sm">{t('tickets.actions.purgeText', { ref: ticketRef })}</Text>
        <TextInput
          label={t('tickets.actions.purgeConfirmLabel', { ref: ticketRef })}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          autoComplete="off"
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('tickets.actions.cancel')}
          </Button>
          <Button color="red" disabled={typed.trim() !== ticketRef} loading={loading} onClick={onConfirm}>
            {t('tickets.actions.purgeSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

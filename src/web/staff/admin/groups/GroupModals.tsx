import { Alert, Button, Group as Row, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../../api/admin.api.js';
import { useAdminErrorText } from '../users/adminErrors.js';
import { useCreateGroup, useDeleteGroup, useUpdateGroup } from './groups.hooks.js';

/** Create a group (`group` null) or rename and describe one. */
export function GroupFormModal({
  opened,
  group,
  onClose,
}: {
  opened: boolean;
  group: Group | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        group ? t('admin.groups.form.editTitle', { name: group.name }) : t('admin.groups.form.createTitle')
      }
    >
      {opened && <GroupForm group={group} onDone={onClose} />}
    </Modal>
  );
}

function GroupForm({ group, onDone }: { group: Group | null; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useAdminErrorText();
  const create = useCreateGroup();
  const update = useUpdateGroup();
  const save = group ? update : create;
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [showErrors, setShowErrors] = useState(false);
  const nameError = name.trim() ? null : t('validation.required');

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setShowErrors(true);
    if (nameError) return;
    const input = { name: name.trim(), description: description.trim() };
    if (group) {
      update.mutate(
        { id: group.id, input },
        {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('admin.groups.saved') });
            onDone();
          },
        },
      );
    } else {
      create.mutate(input, {
        onSuccess: (created) => {
          notifications.show({ color: 'teal', message: t('admin.groups.created', { name: created.name }) });
          onDone();
        },
      });
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.error && (
          <Alert color="red" role="alert">
            {errorText(save.error)}
          </Alert>
        )}
        <TextInput
          label={t('admin.groups.form.name')}
          required
          maxLength={100}
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={showErrors && nameError}
        />
        <Textarea
          label={t('admin.groups.form.description')}
          maxLength={1000}
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Row justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('admin.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {group ? t('admin.form.save') : t('admin.form.create')}
          </Button>
        </Row>
      </Stack>
    </form>
  );
}

/** Confirms deleting a group; the server refuses to remove the last administrators' group. */
export function DeleteGroupModal({ group, onClose }: { group: Group | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useAdminErrorText();
  const remove = useDeleteGroup();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={group !== null} onClose={close} title={t('admin.groups.deleteTitle')}>
      <Stack>
        <Text>{group && t('admin.groups.deleteConfirm', { name: group.name })}</Text>
        {remove.error && (
          <Alert color="red" role="alert">
            {errorText(remove.error)}
          </Alert>
        )}
        <Row justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('admin.form.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              group &&
              remove.mutate(group.id, {
                onSuccess: () => {
                  notifications.show({
                    color: 'teal',
                    message: t('admin.groups.deleted', { name: group.name }),
                  });
                  close();
                },
              })
            }
          >
            {t('admin.groups.deleteSubmit')}
          </Button>
        </Row>
      </Stack>
    </Modal>
  );
}

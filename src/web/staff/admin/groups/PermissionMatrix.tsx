import { Alert, Card, Checkbox, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS, type Permission } from '../../../../common/permissions.js';
import type { Group } from '../../../api/admin.api.js';
import { useAdminErrorText } from '../users/adminErrors.js';
import { useSetPermissions } from './groups.hooks.js';
import { PERMISSION_KEYS } from './permissionLabels.js';

// `admin` first: it gives every other permission, which the rows below then show as included.
const ROWS: readonly Permission[] = ['admin', ...PERMISSIONS.filter((p) => p !== 'admin')];

/**
 * The permission checkbox matrix (SPEC 7): one row per permission, one column per group. Each box is
 * saved at once for its group (PUT /groups/{id}/permissions with the group's whole new list).
 */
export function PermissionMatrix({ groups }: { groups: Group[] }) {
  const { t } = useTranslation();
  const errorText = useAdminErrorText();
  const save = useSetPermissions();
  const label = (p: Permission) => t(`admin.permissions.${PERMISSION_KEYS[p]}`);

  function toggle(group: Group, permission: Permission, checked: boolean) {
    const permissions = checked
      ? [...group.permissions, permission]
      : group.permissions.filter((p) => p !== permission);
    save.mutate(
      { id: group.id, permissions },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: t('admin.groups.matrix.saved', { group: group.name }),
          }),
      },
    );
  }

  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <div>
          <Title order={2} fz="lg">
            {t('admin.groups.matrix.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('admin.groups.matrix.description')}
          </Text>
        </div>
        {save.error && (
          <Alert color="red" role="alert" withCloseButton onClose={() => save.reset()}>
            {errorText(save.error)}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={320 + groups.length * 120}>
          <Table verticalSpacing="xs" highlightOnHover withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.groups.matrix.permission')}</Table.Th>
                {groups.map((g) => (
                  <Table.Th key={g.id} ta="center" scope="col">
                    {g.name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ROWS.map((permission) => (
                <Table.Tr key={permission}>
                  <Table.Th scope="row" fw="normal">
                    <Text size="sm" fw={permission === 'admin' ? 600 : undefined}>
                      {label(permission)}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {permission}
                    </Text>
                  </Table.Th>
                  {groups.map((group) => {
                    const saving = save.isPending && save.variables.id === group.id;
                    // While a save runs, its box shows the new state (and goes back if the server refuses).
                    const permissions = saving ? save.variables.permissions : group.permissions;
                    const granted = permissions.includes(permission);
                    const implied = permission !== 'admin' && permissions.includes('admin');
                    return (
                      <Table.Td key={group.id} ta="center">
                        <Tooltip label={t('admin.groups.matrix.impliedByAdmin')} disabled={!implied}>
                          {/* A disabled box gets no pointer events: the span carries the tooltip. */}
                          <span style={{ display: 'inline-block' }}>
                            <Checkbox
                              checked={granted || implied}
                              disabled={implied || saving}
                              aria-label={t('admin.groups.matrix.cell', {
                                permission: label(permission),
                                group: group.name,
                              })}
                              onChange={(e) => toggle(group, permission, e.currentTarget.checked)}
                            />
                          </span>
                        </Tooltip>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}

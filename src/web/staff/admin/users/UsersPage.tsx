import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User, UserFilter } from '../../../api/admin.api.js';
import { useFormat } from '../../../components/format.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { IconSearch } from '../../../components/ticketIcons.js';
import { useSignedInUser } from '../../auth/session.js';
import { useAdminErrorText } from './adminErrors.js';
import { OneTimeLinkModal } from './OneTimeLinkModal.js';
import { DeactivateUserModal, ResetPasswordModal } from './UserActionModals.js';
import { UserFormModal } from './UserFormModal.js';
import { UserActions } from './UserActions.js';
import { useSetUserActive, useUserPages } from './users.hooks.js';
import { LoadMoreFooter } from '../../../components/LoadMoreFooter.js';

interface ShownLink {
  title: string;
  text: string;
  link: string;
}

/** Administration → Users (SPEC 7): staff accounts, with search, create, edit, (de)activate, new password. */
export function UsersPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSignedInUser();
  const errorText = useAdminErrorText();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [active, setActive] = useState<UserFilter['active']>('all');
  const pages = useUserPages({ q: debounced, active });
  const reactivate = useSetUserActive();
  // `undefined`: no form; `null`: creating; a user: editing them.
  const [editing, setEditing] = useState<User | null | undefined>(undefined);
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [shownLink, setShownLink] = useState<ShownLink | null>(null);

  const onReactivate = (user: User) =>
    reactivate.mutate(
      { id: user.id, active: true },
      {
        onSuccess: () =>
          notifications.show({ color: 'teal', message: t('admin.users.reactivated', { name: user.name }) }),
        onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
      },
    );

  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const total = pages.data?.pages[0]?.total ?? 0;

  return (
    <>
      <Anchor component={Link} to="/admin" size="sm" mb="xs" display="inline-block">
        ← {t('admin.back')}
      </Anchor>
      <PageHeader title={t('admin.users.title')} description={t('admin.users.description')} />
      <Stack>
        <Group justify="space-between" align="flex-end">
          <Group align="flex-end">
            <TextInput
              label={t('admin.users.search')}
              placeholder={t('admin.users.searchPlaceholder')}
              leftSection={<IconSearch />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={280}
            />
            <SegmentedControl
              aria-label={t('admin.users.status')}
              value={active}
              onChange={(v) => setActive(v)}
              data={[
                { value: 'all', label: t('admin.users.statuses.all') },
                { value: 'true', label: t('admin.users.statuses.active') },
                { value: 'false', label: t('admin.users.statuses.inactive') },
              ]}
            />
          </Group>
          <Button onClick={() => setEditing(null)}>{t('admin.users.add')}</Button>
        </Group>

        {pages.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : pages.isError ? (
          <Alert color="red" role="alert" title={t('admin.form.loadError')}>
            {errorText(pages.error)}
          </Alert>
        ) : items.length === 0 ? (
          <Paper withBorder p="lg" radius="md" ta="center">
            <Text c="dimmed">{t('admin.users.empty')}</Text>
          </Paper>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.users.columns.name')}</Table.Th>
                  <Table.Th>{t('admin.users.columns.email')}</Table.Th>
                  <Table.Th>{t('admin.users.columns.language')}</Table.Th>
                  <Table.Th>{t('admin.users.columns.groups')}</Table.Th>
                  <Table.Th>{t('admin.users.columns.status')}</Table.Th>
                  <Table.Th w={120}>{t('admin.users.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((user) => (
                  <Table.Tr key={user.id} c={user.active ? undefined : 'dimmed'}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {user.name}
                        {user.id === me.id && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            ({t('admin.users.you')})
                          </Text>
                        )}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{user.email}</Text>
                    </Table.Td>
                    <Table.Td>{t(`common.languages.${user.language}`)}</Table.Td>
                    <Table.Td>
                      {user.groups.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t('admin.users.noGroup')}
                        </Text>
                      ) : (
                        <Group gap={4}>
                          {user.groups.map((g) => (
                            <Badge key={g.id} variant="light" radius="sm">
                              {g.name}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge color={user.active ? 'teal' : 'gray'} variant="light" radius="sm">
                          {user.active ? t('admin.users.active') : t('admin.users.inactive')}
                        </Badge>
                        {!user.hasPassword && (
                          <Badge color="orange" variant="light" radius="sm">
                            {t('admin.users.noPassword')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <UserActions
                        user={user}
                        onEdit={() => setEditing(user)}
                        onReset={() => setResetting(user)}
                        onDeactivate={() => setDeactivating(user)}
                        onReactivate={() => onReactivate(user)}
                        busy={reactivate.isPending}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {items.length > 0 && (
          <LoadMoreFooter
            totalText={t('admin.users.total', { count: total, formatted: fmt.number(total) })}
            pages={pages}
            moreLabel={t('admin.form.more')}
          />
        )}
      </Stack>

      <UserFormModal
        opened={editing !== undefined}
        user={editing ?? null}
        onClose={() => setEditing(undefined)}
        onCreated={(created) => {
          if (created.setPasswordLink) {
            setShownLink({
              title: t('admin.users.link.createdTitle'),
              text: t('admin.users.link.createdText', { name: created.name }),
              link: created.setPasswordLink,
            });
          } else {
            notifications.show({ color: 'teal', message: t('admin.users.created', { name: created.name }) });
          }
        }}
      />
      <DeactivateUserModal user={deactivating} onClose={() => setDeactivating(null)} />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onLink={(user, link) =>
          setShownLink({
            title: t('admin.users.link.resetTitle'),
            text: t('admin.users.link.resetText', { name: user.name, expires: fmt.dateTime(link.expiresAt) }),
            link: link.link,
          })
        }
      />
      <OneTimeLinkModal
        link={shownLink?.link ?? null}
        title={shownLink?.title ?? ''}
        text={shownLink?.text ?? ''}
        onClose={() => setShownLink(null)}
      />
    </>
  );
}

import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader.js';
import { useFormat } from '../../components/format.js';
import { useCanWriteCustomers, useMessageOf, useThirdpartyList } from './customers.hooks.js';
import { ThirdpartyFormModal } from './ThirdpartyFormModal.js';

/** The customer companies: searched on the server, paged by keyset (previous pages kept as a stack). */
export function CustomersPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const messageOf = useMessageOf();
  const canWrite = useCanWriteCustomers();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  // Cursors of the pages before the current one; a new search starts again from the first page.
  const [cursors, setCursors] = useState<{ q: string; stack: (string | null)[] }>({ q: '', stack: [null] });
  const stack = cursors.q === q ? cursors.stack : [null];
  const cursor = stack[stack.length - 1] ?? null;
  const list = useThirdpartyList(q, cursor);
  const [creating, createModal] = useDisclosure(false);
  const none = t('customers.none');

  const rows = (list.data?.items ?? []).map((tp) => (
    <Table.Tr key={tp.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/customers/${tp.id}`)}>
      <Table.Td>
        <Anchor component={Link} to={`/customers/${tp.id}`} fw={500} onClick={(e) => e.stopPropagation()}>
          {tp.name}
        </Anchor>
      </Table.Td>
      <Table.Td>{tp.code ?? none}</Table.Td>
      <Table.Td>{tp.email ?? none}</Table.Td>
      <Table.Td>{tp.phone ?? none}</Table.Td>
      <Table.Td ta="right">{fmt.number(tp.contactCount)}</Table.Td>
      <Table.Td ta="right">{fmt.number(tp.openTicketCount)}</Table.Td>
    </Table.Tr>
  ));

  return (
    <>
      <PageHeader title={t('customers.title')} description={t('customers.description')} />
      <Stack>
        <Group justify="space-between" align="flex-end">
          <TextInput
            label={t('customers.list.search')}
            placeholder={t('customers.list.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            type="search"
            w={360}
            maw="100%"
          />
          {canWrite && <Button onClick={createModal.open}>{t('customers.list.new')}</Button>}
        </Group>

        {list.isError && (
          <Alert color="red" role="alert" title={t('customers.list.loadError')}>
            {messageOf(list.error)}
          </Alert>
        )}

        {list.data && list.data.items.length === 0 ? (
          <Paper withBorder p="xl" radius="md" ta="center">
            <Text fw={500}>{q ? t('customers.list.emptySearch', { q }) : t('customers.list.empty')}</Text>
            {!q && (
              <Text c="dimmed" size="sm">
                {t('customers.list.emptyHint')}
              </Text>
            )}
          </Paper>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('customers.columns.name')}</Table.Th>
                  <Table.Th>{t('customers.columns.code')}</Table.Th>
                  <Table.Th>{t('customers.columns.email')}</Table.Th>
                  <Table.Th>{t('customers.columns.phone')}</Table.Th>
                  <Table.Th ta="right">{t('customers.columns.contacts')}</Table.Th>
                  <Table.Th ta="right">{t('customers.columns.openTickets')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{rows}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}

        {list.data && list.data.total > 0 && (
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('customers.list.total', { count: list.data.total, formatted: fmt.number(list.data.total) })}
            </Text>
            <Group gap="xs">
              <Button
                variant="default"
                size="xs"
                disabled={stack.length <= 1}
                onClick={() => setCursors({ q, stack: stack.slice(0, -1) })}
              >
                {t('customers.list.previous')}
              </Button>
              <Button
                variant="default"
                size="xs"
                disabled={!list.data.nextCursor || list.isPlaceholderData}
                onClick={() => setCursors({ q, stack: [...stack, list.data.nextCursor] })}
              >
                {t('customers.list.next')}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>

      <ThirdpartyFormModal
        opened={creating}
        onClose={createModal.close}
        onSaved={(tp) => {
          createModal.close();
          void navigate(`/customers/${tp.id}`);
        }}
      />
    </>
  );
}

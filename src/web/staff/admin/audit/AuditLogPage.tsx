import { Alert, Anchor, Badge, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry, AuditFilter } from '../../../api/admin.api.js';
import { useFormat } from '../../../components/format.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { useAdminErrorText } from '../users/adminErrors.js';
import { useGroups, useUserChoices } from '../users/users.hooks.js';
import { AuditDetails, useDiffWords } from './AuditDetails.js';
import { AuditFilters, NO_FILTER } from './AuditFilters.js';
import { ACTION_KEYS, isKnownAction, isKnownTarget, TARGET_KEYS } from './auditLabels.js';
import { useAuditPages } from './auditLog.hooks.js';
import { LoadMoreFooter } from '../../../components/LoadMoreFooter.js';

/**
 * Administration → Audit log (SPEC 7): every settings and administration change, newest first, with who
 * made it, when, and what changed. Secrets are never in it (the server writes "changed").
 */
export function AuditLogPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const errorText = useAdminErrorText();
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const pages = useAuditPages(filter);
  const users = useUserChoices();
  const groups = useGroups();
  const userName = (id: number) => users.data?.find((u) => u.id === id)?.name;
  const groupName = (id: number) => groups.data?.find((g) => g.id === id)?.name;
  const words = useDiffWords({ user: userName, group: groupName });

  const actionText = (action: string) =>
    isKnownAction(action) ? t(`admin.audit.actions.${ACTION_KEYS[action]}`) : action;
  const targetText = (entry: AuditEntry) => {
    const type = isKnownTarget(entry.targetType)
      ? t(`admin.audit.targetTypes.${TARGET_KEYS[entry.targetType]}`)
      : entry.targetType;
    if (entry.targetId === null) return type;
    const id = Number(entry.targetId);
    const name =
      entry.targetType === 'user' ? userName(id) : entry.targetType === 'group' ? groupName(id) : null;
    return `${type} ${name ?? `#${entry.targetId}`}`;
  };

  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const total = pages.data?.pages[0]?.total ?? 0;

  return (
    <>
      <Anchor component={Link} to="/admin" size="sm" mb="xs" display="inline-block">
        ← {t('admin.back')}
      </Anchor>
      <PageHeader title={t('admin.audit.title')} description={t('admin.audit.description')} />
      <Stack>
        <AuditFilters value={filter} onChange={setFilter} users={users.data ?? []} />
        {pages.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : pages.isError ? (
          <Alert color="red" role="alert" title={t('admin.form.loadError')}>
            {errorText(pages.error)}
          </Alert>
        ) : items.length === 0 ? (
          <Paper withBorder p="lg" radius="md" ta="center">
            <Text c="dimmed">{t('admin.audit.empty')}</Text>
          </Paper>
        ) : (
          <Table.ScrollContainer minWidth={960}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.audit.columns.at')}</Table.Th>
                  <Table.Th>{t('admin.audit.columns.actor')}</Table.Th>
                  <Table.Th>{t('admin.audit.columns.action')}</Table.Th>
                  <Table.Th>{t('admin.audit.columns.target')}</Table.Th>
                  <Table.Th>{t('admin.audit.columns.details')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((entry) => (
                  <Table.Tr key={entry.id} style={{ verticalAlign: 'top' }}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" title={entry.at}>
                        {fmt.dateTime(entry.at)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {entry.actor ? (
                        <Text size="sm">{entry.actor.name}</Text>
                      ) : (
                        <Badge variant="light" color="gray" radius="sm">
                          {t('admin.audit.system')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" title={entry.action}>
                        {actionText(entry.action)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{targetText(entry)}</Text>
                    </Table.Td>
                    <Table.Td maw={480}>
                      <AuditDetails details={entry.details} words={words} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {items.length > 0 && (
          <LoadMoreFooter
            totalText={t('admin.audit.total', { count: total, formatted: fmt.number(total) })}
            pages={pages}
            moreLabel={t('admin.form.more')}
          />
        )}
      </Stack>
    </>
  );
}

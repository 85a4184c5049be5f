import { Button, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from '../../../../common/schemas/audit.schema.js';
import type { AuditFilter, User } from '../../../api/admin.api.js';
import { ACTION_KEYS, TARGET_KEYS } from './auditLabels.js';

export const NO_FILTER: AuditFilter = { action: null, targetType: null, actorId: null };

/** Object, action and author of the audit entries to show; each combines with the others. */
export function AuditFilters({
  value,
  onChange,
  users,
}: {
  value: AuditFilter;
  onChange: (filter: AuditFilter) => void;
  users: User[];
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<AuditFilter>) => onChange({ ...value, ...patch });
  const any = t('admin.audit.filters.any');
  const active = value.action !== null || value.targetType !== null || value.actorId !== null;
  return (
    <Group align="flex-end">
      <Select
        label={t('admin.audit.filters.targetType')}
        placeholder={any}
        data={AUDIT_TARGET_TYPES.map((type) => ({
          value: type,
          label: t(`admin.audit.targetTypes.${TARGET_KEYS[type]}`),
        }))}
        value={value.targetType}
        onChange={(v) => set({ targetType: v })}
        clearable
        w={200}
      />
      <Select
        label={t('admin.audit.filters.action')}
        placeholder={any}
        data={AUDIT_ACTIONS.map((action) => ({
          value: action,
          label: t(`admin.audit.actions.${ACTION_KEYS[action]}`),
        }))}
        value={value.action}
        onChange={(v) => set({ action: v })}
        searchable
        clearable
        w={260}
      />
      <Select
        label={t('admin.audit.filters.actor')}
        placeholder={any}
        data={users.map((u) => ({ value: String(u.id), label: u.name }))}
        value={value.actorId === null ? null : String(value.actorId)}
        onChange={(v) => set({ actorId: v === null ? null : Number(v) })}
        searchable
        clearable
        w={220}
      />
      {active && (
        <Button variant="subtle" onClick={() => onChange(NO_FILTER)}>
          {t('admin.audit.filters.reset')}
        </Button>
      )}
    </Group>
  );
}

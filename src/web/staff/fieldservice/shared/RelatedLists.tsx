import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { equipmentKeys, listEquipment, type EquipmentFilters } from '../../../api/equipment.api.js';
import {
  interventionKeys,
  listInterventions,
  type InterventionFilters,
} from '../../../api/interventions.api.js';
import { useErrorText } from '../../../components/useErrorText.js';
import { Empty } from './DetailShell.js';
import { useFsFormat } from './fsFormat.js';
import { FsStatusBadge } from './FsStatusBadge.js';

const Row = ({ children }: { children: React.ReactNode }) => (
  <Group component="li" gap="sm" wrap="nowrap">
    {children}
  </Group>
);
const List = ({ children }: { children: React.ReactNode }) => (
  <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
    {children}
  </Stack>
);

/** Interventions matching a filter (of a contract, an equipment item), newest first, as links. */
export function InterventionList({ filters, empty }: { filters: InterventionFilters; empty: string }) {
  const { t } = useTranslation();
  const format = useFsFormat();
  const errorText = useErrorText();
  const query = { ...filters, limit: 50 };
  const list = useQuery({ queryKey: interventionKeys.list(query), queryFn: () => listInterventions(query) });
  if (list.isError)
    return (
      <Text c="red" size="sm">
        {errorText(list.error)}
      </Text>
    );
  if (!list.data)
    return (
      <Text size="sm" c="dimmed">
        {t('common.loading')}
      </Text>
    );
  if (list.data.items.length === 0) return <Empty>{empty}</Empty>;
  return (
    <List>
      {list.data.items.map((i) => (
        <Row key={i.id}>
          <Anchor component={Link} to={`/interventions/${i.id}`} ff="monospace" size="sm" fw={600}>
            {i.ref}
          </Anchor>
          <Text size="sm" truncate="end" style={{ flex: 1 }} title={i.description}>
            {i.description || t('fieldservice.common.none')}
          </Text>
          <Text size="sm" c="dimmed">
            {format.minutes(i.durationMinutes)}
          </Text>
          <FsStatusBadge kind="interventions" status={i.status} size="sm" />
        </Row>
      ))}
    </List>
  );
}

/** Equipment matching a filter (of a contract), as links with their serial number. */
export function EquipmentList({ filters, empty }: { filters: EquipmentFilters; empty: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = { ...filters, limit: 100 };
  const list = useQuery({ queryKey: equipmentKeys.list(query), queryFn: () => listEquipment(query) });
  if (list.isError)
    return (
      <Text c="red" size="sm">
        {errorText(list.error)}
      </Text>
    );
  if (!list.data)
    return (
      <Text size="sm" c="dimmed">
        {t('common.loading')}
      </Text>
    );
  if (list.data.items.length === 0) return <Empty>{empty}</Empty>;
  return (
    <List>
      {list.data.items.map((e) => (
        <Row key={e.id}>
          <Anchor component={Link} to={`/equipment/${e.id}`} ff="monospace" size="sm" fw={600}>
            {e.ref}
          </Anchor>
          <Text size="sm" truncate="end" style={{ flex: 1 }}>
            {e.label}
          </Text>
          {e.serialNumber && (
            <Text size="sm" c="dimmed" ff="monospace">
              {e.serialNumber}
            </Text>
          )}
        </Row>
      ))}
    </List>
  );
}

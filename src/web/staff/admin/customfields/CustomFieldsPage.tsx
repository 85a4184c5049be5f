import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELD_GROUPS } from '../../../../common/customFields.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { CustomFieldTable, GroupBadge } from './CustomFieldTable.js';

/** Administration → Custom fields (SPEC 2.5): the definitions and which form shows each. */
export function CustomFieldsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('customFields.title')} description={t('customFields.description')} />
      <Paper
        withBorder
        radius="lg"
        p="md"
        mb="lg"
        component="section"
        aria-label={t('customFields.groupsLegend')}
      >
        <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="sm" style={{ letterSpacing: '0.04em' }}>
          {t('customFields.groupsLegend')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          {CUSTOM_FIELD_GROUPS.map((group) => (
            <Stack key={group} gap={4}>
              <Group>
                <GroupBadge group={group} />
              </Group>
              <Text size="sm" c="dimmed">
                {t(`customFields.groups.${group}.hint`)}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      </Paper>
      <CustomFieldTable />
    </>
  );
}

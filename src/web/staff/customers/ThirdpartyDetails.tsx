import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Thirdparty } from '../../api/customers.api.js';
import { useFormat } from '../../components/format.js';

function Field({
  label,
  value,
  multiline = false,
}: {
  label: string;
  value: string | null;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text style={multiline ? { whiteSpace: 'pre-wrap' } : undefined}>{value || t('customers.none')}</Text>
    </Stack>
  );
}

/** The company's record, read-only (changes go through the edit modal). */
export function ThirdpartyDetails({ thirdparty: tp }: { thirdparty: Thirdparty }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Field label={t('customers.fields.name')} value={tp.name} />
          <Field label={t('customers.fields.code')} value={tp.code} />
          <Field label={t('customers.fields.email')} value={tp.email} />
          <Field label={t('customers.fields.phone')} value={tp.phone} />
          <Field label={t('customers.fields.address')} value={tp.address} multiline />
          <Field label={t('customers.fields.notes')} value={tp.notes} multiline />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('customers.detail.createdAt', { date: fmt.date(tp.createdAt) })}
        </Text>
      </Stack>
    </Paper>
  );
}

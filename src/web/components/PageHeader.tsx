import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** The title block of a page; also names the browser tab. */
export function PageHeader({ title, description }: { title: string; description: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: title }));
  return (
    <Stack gap={6} mb="xl">
      <Title order={1} fz={28} style={{ letterSpacing: '-0.01em' }}>
        {title}
      </Title>
      <Text c="dimmed" maw={720}>
        {description}
      </Text>
    </Stack>
  );
}

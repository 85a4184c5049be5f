import { Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.js';

/** The settings pages (mail work): parameters, email, templates. */
const ADMIN_LINKS = [
  { to: '/admin/parameters', ns: 'parameters' },
  { to: '/admin/email', ns: 'email' },
  { to: '/admin/email/templates', ns: 'templates' },
  { to: '/admin/email/quarantine', ns: 'quarantine' },
] as const;

export function AdminPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.description')} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        <Card component={Link} to="/admin/dictionaries" withBorder radius="lg" padding="lg" shadow="xs">
          <Text fw={600} fz="lg" mb={4}>
            {t('dictionaries.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('dictionaries.description')}
          </Text>
        </Card>
        {ADMIN_LINKS.map((link) => (
          <Card key={link.to} component={Link} to={link.to} withBorder radius="lg" padding="lg" shadow="xs">
            <Text fw={600} fz="lg" mb={4}>
              {t(`settings.${link.ns}.title`)}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`settings.${link.ns}.description`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}

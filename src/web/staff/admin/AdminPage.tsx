import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.js';

interface AdminLink {
  to: string;
  title: string;
  description: string;
}

function Section({ title, links }: { title: string; links: AdminLink[] }) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={2} fz="lg">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        {links.map((link) => (
          <Card key={link.to} component={Link} to={link.to} withBorder radius="lg" padding="lg" shadow="xs">
            <Text fw={600} fz="lg" mb={4}>
              {link.title}
            </Text>
            <Text size="sm" c="dimmed">
              {link.description}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** Administration: the settings overview, one section per area, each card opening its page (SPEC 7). */
export function AdminPage() {
  const { t } = useTranslation();
  const sections: { title: string; links: AdminLink[] }[] = [
    {
      title: t('admin.sections.access'),
      links: [
        { to: '/admin/users', title: t('admin.users.title'), description: t('admin.cards.users') },
        { to: '/admin/groups', title: t('admin.groups.title'), description: t('admin.cards.groups') },
        { to: '/admin/audit', title: t('admin.audit.title'), description: t('admin.cards.audit') },
      ],
    },
    {
      title: t('admin.sections.tickets'),
      links: [
        {
          to: '/admin/dictionaries',
          title: t('dictionaries.title'),
          description: t('dictionaries.description'),
        },
        {
          to: '/admin/custom-fields',
          title: t('admin.cards.customFieldsTitle'),
          description: t('admin.cards.customFields'),
        },
        {
          to: '/admin/parameters',
          title: t('settings.parameters.title'),
          description: t('settings.parameters.description'),
        },
      ],
    },
    {
      title: t('admin.sections.email'),
      links: (['email', 'templates', 'quarantine'] as const).map((ns) => ({
        to: {
          email: '/admin/email',
          templates: '/admin/email/templates',
          quarantine: '/admin/email/quarantine',
        }[ns],
        title: t(`settings.${ns}.title`),
        description: t(`settings.${ns}.description`),
      })),
    },
  ];
  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.description')} />
      <Stack gap="xl">
        {sections.map((s) => (
          <Section key={s.title} title={s.title} links={s.links} />
        ))}
      </Stack>
    </>
  );
}

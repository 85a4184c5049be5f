import { Card, Group, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconArrowRight, IconShield, IconTicket, IconUsers } from '../../components/icons.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useSignedInUser } from '../auth/session.js';

interface Shortcut {
  to: string;
  title: string;
  description: string;
  icon: React.ReactNode;
  color: string;
}

/** The landing page after sign-in: a greeting and the ways into each part of the app. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const shortcuts: Shortcut[] = [
    {
      to: '/tickets',
      title: t('tickets.title'),
      description: t('tickets.description'),
      icon: <IconTicket size={22} />,
      color: 'indigo',
    },
    {
      to: '/customers',
      title: t('customers.title'),
      description: t('customers.description'),
      icon: <IconUsers size={22} />,
      color: 'cyan',
    },
  ];
  if (user.permissions.includes('admin')) {
    shortcuts.push({
      to: '/admin',
      title: t('admin.title'),
      description: t('admin.description'),
      icon: <IconShield size={22} />,
      color: 'grape',
    });
  }
  return (
    <>
      <PageHeader title={t('home.title', { name: user.name })} description={t('home.description')} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        {shortcuts.map((s) => (
          <Card key={s.to} component={Link} to={s.to} withBorder radius="lg" padding="lg" shadow="xs">
            <Group justify="space-between" align="flex-start" mb="md">
              <ThemeIcon size={44} radius="md" variant="light" color={s.color}>
                {s.icon}
              </ThemeIcon>
              <Text c="dimmed" aria-hidden="true">
                <IconArrowRight size={18} />
              </Text>
            </Group>
            <Text fw={600} fz="lg" mb={4}>
              {s.title}
            </Text>
            <Text size="sm" c="dimmed">
              {s.description}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}

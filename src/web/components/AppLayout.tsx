import { AppShell, Avatar, Burger, Group, Menu, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import type { Language } from '../../common/languages.js';
import { Brand } from './Brand.js';
import { IconChevronDown, IconLogout } from './icons.js';
import { LanguageSwitch } from './LanguageSwitch.js';

export interface NavItem {
  to: string;
  label: string;
  icon: React.ReactNode;
}

interface AppLayoutProps {
  user: { name: string; email: string };
  nav: NavItem[];
  onLanguageChange: (language: Language) => void;
  onLogout: () => void;
  /** Header slot left of the language switch (the notification bell). */
  headerExtra?: React.ReactNode;
  /** User menu slot under the user's name (personal preferences). */
  userMenuExtra?: React.ReactNode;
}

function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** The signed-in frame: header (brand, language, user menu), side navigation, and the page in the middle. */
export function AppLayout({
  user,
  nav,
  onLanguageChange,
  onLogout,
  headerExtra,
  userMenuExtra,
}: AppLayoutProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
      styles={{ main: { background: 'var(--mantine-color-gray-0)' } }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Brand />
          </Group>
          <Group gap="md" wrap="nowrap">
            {headerExtra}
            <LanguageSwitch onChange={onLanguageChange} />
            <Menu position="bottom-end" width={240} shadow="md" withinPortal>
              <Menu.Target>
                <UnstyledButton
                  aria-label={t('userMenu.open', { name: user.name })}
                  style={{ borderRadius: 999 }}
                >
                  <Group gap={8} wrap="nowrap">
                    <Avatar name={user.name} color="initials" radius="xl" size={34} />
                    <Text size="sm" fw={500} visibleFrom="sm">
                      {user.name}
                    </Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t('userMenu.signedInAs')}</Menu.Label>
                <Stack px="sm" pb="xs" gap={2}>
                  <Text size="sm" fw={600}>
                    {user.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {user.email}
                  </Text>
                </Stack>
                {userMenuExtra && (
                  <>
                    <Menu.Divider />
                    {userMenuExtra}
                  </>
                )}
                <Menu.Divider />
                <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={onLogout}>
                  {t('userMenu.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        {nav.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            leftSection={item.icon}
            active={isActive(pathname, item.to)}
            aria-current={isActive(pathname, item.to) ? 'page' : undefined}
            onClick={close}
            variant="light"
            fw={500}
            mb={4}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

import { useTranslation } from 'react-i18next';
import { AppLayout, type NavItem } from '../components/AppLayout.js';
import { IconHome, IconShield, IconTicket, IconUsers } from '../components/icons.js';
import { useChangeLanguage, useLogout, useSignedInUser } from './auth/session.js';
import { fieldserviceNav } from './fieldservice/fieldservice.routes.js';
import { NotificationBell } from './notifications/NotificationBell.js';
import { NotifyByEmailSwitch } from './notifications/NotifyByEmailSwitch.js';

/** The staff app's frame: navigation by permission, language stored on the user, logout. */
export function StaffLayout() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const changeLanguage = useChangeLanguage();
  const logout = useLogout();

  const nav: NavItem[] = [
    { to: '/', label: t('nav.home'), icon: <IconHome /> },
    { to: '/tickets', label: t('nav.tickets'), icon: <IconTicket /> },
    { to: '/customers', label: t('nav.customers'), icon: <IconUsers /> },
  ];
  nav.push(...fieldserviceNav(t, user.permissions));
  // <nav:fieldservice>
  if (user.permissions.includes('admin'))
    nav.push({ to: '/admin', label: t('nav.admin'), icon: <IconShield /> });

  return (
    <AppLayout
      user={user}
      nav={nav}
      onLanguageChange={changeLanguage}
      onLogout={() => logout.mutate()}
      headerExtra={<NotificationBell />}
      userMenuExtra={<NotifyByEmailSwitch />}
    />
  );
}

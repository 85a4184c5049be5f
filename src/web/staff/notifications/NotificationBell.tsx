import { ActionIcon, Indicator, Popover } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { icon } from '../../components/icons.js';
import { NotificationList } from './NotificationList.js';
import { useUnreadCount } from './notifications.hooks.js';

const IconBell = icon([
  'M10 5a2 2 0 1 1 4 0a7 7 0 0 1 4 6v3a4 4 0 0 0 2 3h-16a4 4 0 0 0 2 -3v-3a7 7 0 0 1 4 -6',
  'M9 17v1a3 3 0 0 0 6 0v-1',
]);

/** The header's bell: my unread count (polled), and my notifications in a panel below it. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  // Until the first answer (or if it fails) the bell shows no number rather than a wrong one.
  const unread = useUnreadCount().data ?? 0;

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" trapFocus>
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={18}
          offset={5}
          color="red"
          disabled={unread === 0}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            radius="xl"
            aria-label={
              unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')
            }
            onClick={() => setOpened((o) => !o)}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} maw="calc(100vw - 16px)">
        {opened && <NotificationList unreadCount={unread} onNavigate={() => setOpened(false)} />}
      </Popover.Dropdown>
    </Popover>
  );
}

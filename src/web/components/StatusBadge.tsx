import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Resolution, TicketStatus } from '../../common/tickets.js';

/** One colour per status, shared by the badges, the list and the home page chart. */
export const STATUS_COLORS: Record<TicketStatus, string> = {
  unread: 'blue',
  read: 'cyan',
  assigned: 'indigo',
  in_progress: 'violet',
  waiting: 'yellow',
  closed: 'teal',
  deleted: 'gray',
};

/** The status in words and colour; a closed ticket says how it ended (solved or abandoned). */
export function StatusBadge({
  status,
  resolution = null,
  ...props
}: { status: TicketStatus; resolution?: Resolution | null } & Omit<BadgeProps, 'color' | 'children'>) {
  const { t } = useTranslation();
  const label = t(`tickets.status.${status}`);
  const title =
    status === 'closed' && resolution ? `${label} · ${t(`tickets.resolution.${resolution}`)}` : label;
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant={status === 'unread' ? 'filled' : 'light'}
      radius="sm"
      tt="none"
      title={title}
      {...props}
    >
      {label}
    </Badge>
  );
}

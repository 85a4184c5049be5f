import { Anchor, Badge, Group, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TicketSort } from '../../../../common/tickets.js';
import type { TicketListItem } from '../../../api/tickets.api.js';
import { useFormat } from '../../../components/format.js';
import { SeverityBadge } from '../../../components/SeverityBadge.js';
import { StatusBadge } from '../../../components/StatusBadge.js';
import { IconClock, IconSortAsc, IconSortDesc } from '../../../components/ticketIcons.js';
import { useFieldservicePermissions } from '../../fieldservice/shared/permissions.js';
import { useClassification } from '../lookups.js';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * Ten columns must fit a laptop screen: a fixed layout gives each a width and the subject the rest; long
 * values end in an ellipsis and keep their full text in a tooltip (title). Narrower screens scroll.
 */
const COLUMNS: [TicketSort, number | undefined][] = [
  ['ref', 104],
  ['subject', undefined],
  ['status', 96],
  ['severity', 108],
  ['type', 108],
  ['category', 104],
  ['assignee', 104],
  ['thirdparty', 112],
  ['createdAt', 92],
  ['updatedAt', 92],
];

/** A cell's text on one line, cut with an ellipsis; the whole text stays in the tooltip. */
function Cell({ text, dimmed = false }: { text: string; dimmed?: boolean }) {
  return (
    <Text size="sm" truncate="end" title={text} c={dimmed ? 'dimmed' : undefined}>
      {text}
    </Text>
  );
}

function SortHeader({
  column,
  width,
  sort,
  onSort,
}: {
  column: TicketSort;
  width: number | undefined;
  sort: { sort: TicketSort; order: 'asc' | 'desc' };
  onSort: (column: TicketSort) => void;
}) {
  const { t } = useTranslation();
  const active = sort.sort === column;
  const Icon = sort.order === 'asc' ? IconSortAsc : IconSortDesc;
  return (
    <Table.Th
      aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}
      w={width}
      // Overflowing header text would widen the scroll area: it ends in an ellipsis instead.
      style={{ ...NOWRAP, overflow: 'hidden' }}
    >
      <UnstyledButton
        maw="100%"
        onClick={() => onSort(column)}
        aria-label={t('tickets.list.sortBy', { column: t(`tickets.columns.${column}`) })}
      >
        <Group gap={4} wrap="nowrap">
          <Text truncate="end" fw={600} size="sm" c={active ? undefined : 'dimmed'}>
            {t(`tickets.columns.${column}`)}
          </Text>
          {/* Only the sorting column shows its arrow: ten idle arrows would crowd the narrow headers. */}
          {active && <Icon size={14} style={{ flexShrink: 0 }} />}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** The ticket list: every column sorts; a row opens its ticket (the ref and subject are real links). */
export function TicketTable({
  items,
  sort,
  onSort,
}: {
  items: TicketListItem[];
  sort: { sort: TicketSort; order: 'asc' | 'desc' };
  onSort: (column: TicketSort) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormat();
  const classification = useClassification();
  // Time spent (SPEC 6) is a column for those who see interventions; it cannot be sorted on.
  const showDuration = useFieldservicePermissions().readInterventions;

  return (
    <Table.ScrollContainer minWidth={showDuration ? 1140 : 1060}>
      <Table layout="fixed" highlightOnHover verticalSpacing="sm" horizontalSpacing="xs" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map(([column, width]) => (
              <SortHeader key={column} column={column} width={width} sort={sort} onSort={onSort} />
            ))}
            {showDuration && (
              <Table.Th w={80} style={NOWRAP}>
                <Text truncate="end" fw={600} size="sm" c="dimmed">
                  {t('tickets.detail.duration')}
                </Text>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((ticket) => (
            <Table.Tr
              key={ticket.id}
              onClick={(event) => {
                // A click on the link itself already navigates (and keeps ctrl-click for a new tab).
                if ((event.target as HTMLElement).closest('a')) return;
                void navigate(`/tickets/${ticket.id}`);
              }}
              style={{ cursor: 'pointer' }}
              fw={ticket.status === 'unread' ? 600 : undefined}
            >
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/tickets/${ticket.id}`}
                  ff="monospace"
                  size="xs"
                  fw={600}
                  style={NOWRAP}
                >
                  {ticket.ref}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Anchor
                    component={Link}
                    to={`/tickets/${ticket.id}`}
                    c="var(--mantine-color-text)"
                    size="sm"
                    truncate="end"
                    title={ticket.subject}
                    fw="inherit"
                  >
                    {ticket.subject}
                  </Anchor>
                  {ticket.overdue && (
                    <Tooltip label={t('tickets.list.overdueHint')} withArrow>
                      <Badge
                        color="red"
                        variant="light"
                        size="sm"
                        radius="sm"
                        tt="none"
                        leftSection={<IconClock size={12} />}
                        style={{ flexShrink: 0 }}
                      >
                        {t('tickets.list.overdue')}
                      </Badge>
                    </Tooltip>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={ticket.status} resolution={ticket.resolution} size="sm" maw="100%" />
              </Table.Td>
              <Table.Td>
                <SeverityBadge
                  label={classification.label('severity', ticket.severityCode)}
                  color={classification.color(ticket.severityCode)}
                  size="sm"
                  maw="100%"
                />
              </Table.Td>
              <Table.Td>
                <Cell text={classification.label('type', ticket.typeCode)} />
              </Table.Td>
              <Table.Td>
                <Cell text={classification.label('category', ticket.categoryCode)} />
              </Table.Td>
              <Table.Td>
                <Cell text={ticket.assigneeName ?? t('tickets.unassigned')} dimmed={!ticket.assigneeName} />
              </Table.Td>
              <Table.Td>
                <Cell text={ticket.thirdpartyName ?? '—'} dimmed={!ticket.thirdpartyName} />
              </Table.Td>
              <Table.Td style={NOWRAP}>
                <Text size="sm" title={format.dateTime(ticket.createdAt)}>
                  {format.shortDate(ticket.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td style={NOWRAP}>
                <Text size="sm" c="dimmed" title={format.dateTime(ticket.updatedAt)}>
                  {format.relative(ticket.updatedAt, { short: true })}
                </Text>
              </Table.Td>
              {showDuration && (
                <Table.Td style={NOWRAP}>
                  <Text size="sm" c={ticket.durationMinutes > 0 ? undefined : 'dimmed'}>
                    {ticket.durationMinutes > 0 ? format.duration(ticket.durationMinutes * 60) : '—'}
                  </Text>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

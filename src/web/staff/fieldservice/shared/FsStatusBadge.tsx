import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** One colour per status of every field service object. */
const COLORS = {
  contracts: { draft: 'gray', active: 'teal', expired: 'orange', closed: 'dark' },
  interventions: { draft: 'gray', validated: 'indigo', done: 'teal' },
  proposals: { draft: 'gray', validated: 'indigo', signed: 'teal', refused: 'red' },
} as const;

type Kind = keyof typeof COLORS;

export function FsStatusBadge<K extends Kind>({
  kind,
  status,
  ...props
}: { kind: K; status: keyof (typeof COLORS)[K] & string } & Omit<BadgeProps, 'color' | 'children'>) {
  const { t } = useTranslation();
  const colors = COLORS[kind] as Record<string, string>;
  // The key is built from two typed halves; i18next cannot follow the pairing, hence the cast.
  const label = t(`fieldservice.${kind}.status.${status}` as 'fieldservice.contracts.status.draft');
  return (
    <Badge color={colors[status] ?? 'gray'} variant="light" radius="sm" tt="none" {...props}>
      {label}
    </Badge>
  );
}

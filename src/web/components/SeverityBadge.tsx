import { Badge, type BadgeProps } from '@mantine/core';

/** The severity with its dictionary colour (LOW grey… BLOCKING red); the label comes in the UI language. */
export function SeverityBadge({
  label,
  color,
  ...props
}: { label: string; color: string | null } & Omit<BadgeProps, 'color' | 'children'>) {
  return (
    <Badge color={color ?? 'gray'} variant="dot" radius="sm" tt="none" title={label} {...props}>
      {label}
    </Badge>
  );
}

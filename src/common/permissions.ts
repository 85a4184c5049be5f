/** Permissions granted to groups (SPEC 7). `admin` implies every other one. */
export const PERMISSIONS = [
  'ticket.read',
  'ticket.write',
  'ticket.manage',
  'ticket.delete',
  'ticket.export',
  'thirdparty.read',
  'thirdparty.write',
  'intervention.read',
  'intervention.write',
  'proposal.read',
  'proposal.write',
  'agenda.read',
  'agenda.write',
  'admin',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** The effective permission list for a set of granted ones (admin expands to all). */
export function effectivePermissions(granted: Iterable<string>): Permission[] {
  const set = new Set<string>(granted);
  if (set.has('admin')) return [...PERMISSIONS];
  return PERMISSIONS.filter((p) => set.has(p));
}

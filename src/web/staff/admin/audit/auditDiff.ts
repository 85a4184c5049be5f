/**
 * Turns the `details` of an audit entry into readable lines. Changes are `{ from, to }`: lists show what
 * was added and removed, other values "before → after". Creations carry plain values.
 */

export interface DiffWords {
  /** The label of a detail key, or null to show the key as written. */
  field: (key: string) => string | null;
  yes: string;
  no: string;
  empty: string;
  /** Words the server writes in place of a secret ("changed", "cleared"…), translated; null if not one. */
  marker: (value: string) => string | null;
  added: (values: string) => string;
  removed: (values: string) => string;
  userName: (id: number) => string | undefined;
  groupName: (id: number) => string | undefined;
}

export interface DiffLine {
  key: string;
  field: string;
  text: string;
}

const MAX_TEXT = 200;
/** Keys under which the server writes a marker word instead of a secret (as its audit presenter does). */
const SECRET_KEY = /(password|secret|token)$/i;
const isChange = (v: unknown): v is { from: unknown; to: unknown } =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).sort().join() === 'from,to';

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function scalar(key: string, value: unknown, w: DiffWords): string {
  if (value === null || value === undefined || value === '') return w.empty;
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  if (typeof value === 'number') {
    const name =
      key === 'userId' || key === 'memberIds'
        ? w.userName(value)
        : key === 'groupIds'
          ? w.groupName(value)
          : undefined;
    return name ?? String(value);
  }
  if (typeof value === 'string') return clip((SECRET_KEY.test(key) ? w.marker(value) : null) ?? value);
  return clip(JSON.stringify(value));
}

function valueText(key: string, value: unknown, w: DiffWords): string {
  if (Array.isArray(value)) return value.length ? value.map((v) => scalar(key, v, w)).join(', ') : w.empty;
  const obj = value as Record<string, unknown> | null;
  // Labels in both languages ({ fr, en }) read as "fr: … · en: …".
  if (
    obj &&
    typeof obj === 'object' &&
    Object.keys(obj).length &&
    Object.keys(obj).every((k) => k.length <= 2)
  )
    return Object.entries(obj)
      .map(([k, v]) => `${k}: ${scalar(key, v, w)}`)
      .join(' · ');
  return scalar(key, value, w);
}

function changeText(key: string, from: unknown, to: unknown, w: DiffWords): string {
  if (Array.isArray(from) && Array.isArray(to)) {
    const before = new Set(from.map((v) => JSON.stringify(v)));
    const after = new Set(to.map((v) => JSON.stringify(v)));
    const added = to.filter((v) => !before.has(JSON.stringify(v)));
    const removed = from.filter((v) => !after.has(JSON.stringify(v)));
    const parts = [
      ...(added.length ? [w.added(valueText(key, added, w))] : []),
      ...(removed.length ? [w.removed(valueText(key, removed, w))] : []),
    ];
    if (parts.length) return parts.join(' · ');
  }
  return `${valueText(key, from, w)} → ${valueText(key, to, w)}`;
}

export function describeDetails(details: Record<string, unknown>, w: DiffWords): DiffLine[] {
  return Object.entries(details).map(([key, value]) => ({
    key,
    field: w.field(key) ?? key,
    text: isChange(value) ? changeText(key, value.from, value.to, w) : valueText(key, value, w),
  }));
}

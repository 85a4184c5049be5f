import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeDetails, type DiffWords } from './auditDiff.js';
import { FIELD_KEYS, isKnownField } from './auditLabels.js';

const MARKERS = { changed: 'changed', cleared: 'cleared', set: 'set', link: 'link' } as const;
const isMarker = (v: string): v is keyof typeof MARKERS => Object.hasOwn(MARKERS, v);

/** The words of the diff in the interface language; user and group ids are named when known. */
export function useDiffWords(names: {
  user: (id: number) => string | undefined;
  group: (id: number) => string | undefined;
}): DiffWords {
  const { t } = useTranslation();
  return {
    field: (key) => (isKnownField(key) ? t(`admin.audit.fields.${FIELD_KEYS[key]}`) : null),
    yes: t('admin.audit.yes'),
    no: t('admin.audit.no'),
    empty: t('admin.audit.emptyValue'),
    marker: (value) => (isMarker(value) ? t(`admin.audit.${MARKERS[value]}`) : null),
    added: (values) => t('admin.audit.added', { values }),
    removed: (values) => t('admin.audit.removed', { values }),
    userName: names.user,
    groupName: names.group,
  };
}

/** What changed, one line per detail: the field, then the value or "before → after". */
export function AuditDetails({ details, words }: { details: Record<string, unknown>; words: DiffWords }) {
  const { t } = useTranslation();
  const lines = describeDetails(details, words);
  if (lines.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('admin.audit.nothing')}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {lines.map((line) => (
        <Text key={line.key} size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text span size="sm" c="dimmed" ff={line.field === line.key ? 'monospace' : undefined}>
            {line.field}
          </Text>{' '}
          {line.text}
        </Text>
      ))}
    </Stack>
  );
}

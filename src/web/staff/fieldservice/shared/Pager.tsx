import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.js';

/**
 * Keyset paging kept as a stack of cursors (the pages before the current one). A new filter (`key`) starts
 * again from the first page, without an effect: the stack belongs to the key it was built for.
 */
export function useCursorStack(key: string) {
  const [state, setState] = useState<{ key: string; stack: (string | null)[] }>({ key, stack: [null] });
  const stack = state.key === key ? state.stack : [null];
  return {
    cursor: stack[stack.length - 1] ?? null,
    canGoBack: stack.length > 1,
    back: () => setState({ key, stack: stack.slice(0, -1) }),
    forward: (next: string) => setState({ key, stack: [...stack, next] }),
  };
}

export function Pager({
  total,
  nextCursor,
  pager,
  busy = false,
}: {
  total: number;
  nextCursor: string | null;
  pager: ReturnType<typeof useCursorStack>;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (total === 0) return null;
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {t('fieldservice.common.total', { count: total, formatted: format.number(total) })}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" disabled={!pager.canGoBack} onClick={pager.back}>
          {t('fieldservice.common.previous')}
        </Button>
        <Button
          variant="default"
          size="xs"
          disabled={!nextCursor || busy}
          onClick={() => nextCursor && pager.forward(nextCursor)}
        >
          {t('fieldservice.common.next')}
        </Button>
      </Group>
    </Group>
  );
}

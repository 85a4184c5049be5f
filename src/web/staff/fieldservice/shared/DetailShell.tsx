import { Alert, Anchor, Button, Center, DataList, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client.js';
import { IconAlert } from '../../../components/icons.js';
import { IconArrowBack } from '../../../components/ticketIcons.js';
import { useErrorText } from '../../../components/useErrorText.js';

export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" c="dimmed" className="fs-no-print">
      <Group gap={4} component="span">
        <IconArrowBack size={14} />
        {label}
      </Group>
    </Anchor>
  );
}

/**
 * The states every card page goes through before it has its object: loading, missing (404: the id is
 * wrong or not visible to this user), failed (with a retry). `children` renders the loaded object.
 */
export function DetailGate<T>({
  id,
  query,
  back,
  notFound,
  children,
}: {
  id: number;
  query: UseQueryResult<T>;
  back: React.ReactNode;
  notFound: string;
  children: (data: T) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (!Number.isInteger(id) || id <= 0 || (query.error instanceof ApiError && query.error.status === 404)) {
    return (
      <Stack maw={640}>
        {back}
        <Alert color="orange" icon={<IconAlert />} title={t('errors.notFoundTitle')}>
          {notFound}
        </Alert>
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <Stack maw={640}>
        {back}
        <Alert color="red" icon={<IconAlert />} role="alert">
          {errorText(query.error)}
        </Alert>
        <Button variant="light" w="fit-content" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </Button>
      </Stack>
    );
  }
  if (query.data === undefined) {
    return (
      <Center h={240}>
        <Loader type="dots" aria-label={t('common.loading')} />
      </Center>
    );
  }
  return <>{children(query.data)}</>;
}

/** A titled block of a card page. */
export function Section({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm" mih={28}>
        <Text size="xs" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: '0.04em' }}>
          {title}
        </Text>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

/** One label/value row of a card's properties. */
export function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </DataList.ItemLabel>
      <DataList.ItemValue>
        {typeof children === 'string' ? <Text size="sm">{children}</Text> : children}
      </DataList.ItemValue>
    </DataList.Item>
  );
}

export function Fields({ children }: { children: React.ReactNode }) {
  return (
    <DataList size="sm" labelWidth={140} gap="sm" withDivider>
      {children}
    </DataList>
  );
}

/** A line of dimmed text for empty lists. */
export function Empty({ children }: { children: React.ReactNode }) {
  return (
    <Text size="sm" c="dimmed" py="xs">
      {children}
    </Text>
  );
}

import {
  Alert,
  Button,
  CopyButton,
  Group,
  Loader,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/languages.js';
import type { Thirdparty } from '../../api/customers.api.js';
import {
  fetchPortalLink,
  portalLinkKeys,
  revokePortalLink,
  rotatePortalLink,
  sendPortalLink,
  type PortalLinkInfo,
} from '../../api/portal-link.api.js';
import { useFormat } from '../../components/format.js';
import { useCanWriteCustomers, useMessageOf } from './customers.hooks.js';

/**
 * The customer's personalized portal link (SPEC 3): the link and a ready-to-send message to copy, and for
 * those who may change customers: generate, replace, revoke, send by email.
 */
export function PortalLinkPanel({ thirdparty: tp }: { thirdparty: Thirdparty }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const messageOf = useMessageOf();
  const canWrite = useCanWriteCustomers();
  const [confirm, setConfirm] = useState<'rotate' | 'revoke' | null>(null);
  const [sending, sendModal] = useDisclosure(false);
  const key = portalLinkKeys.one(tp.id);
  const link = useQuery({ queryKey: key, queryFn: () => fetchPortalLink(tp.id) });

  const rotate = useMutation({
    mutationFn: () => rotatePortalLink(tp.id),
    onSuccess: (info) => {
      const replaced = link.data?.url !== null && link.data?.url !== undefined;
      queryClient.setQueryData(key, info);
      setConfirm(null);
      notifications.show({
        color: 'teal',
        message: t(replaced ? 'portalLink.rotated' : 'portalLink.generated'),
      });
    },
  });
  const revoke = useMutation({
    mutationFn: () => revokePortalLink(tp.id),
    onSuccess: async () => {
      setConfirm(null);
      notifications.show({ color: 'teal', message: t('portalLink.revoked') });
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const pending = confirm === 'rotate' ? rotate : revoke;

  return (
    <Paper withBorder p="md" mt="lg" radius="md" component="section" aria-labelledby="portal-link-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="portal-link-title">
          {t('portalLink.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('portalLink.description')}
        </Text>
        {link.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : link.isError ? (
          <Text size="sm" c="red">
            {t('portalLink.loadError')}
          </Text>
        ) : link.data.url === null ? (
          <Group justify="space-between">
            <Text size="sm">{t('portalLink.none')}</Text>
            {canWrite && (
              <Button onClick={() => rotate.mutate()} loading={rotate.isPending}>
                {t('portalLink.generate')}
              </Button>
            )}
          </Group>
        ) : (
          <LinkDetails
            info={link.data}
            url={link.data.url}
            createdAt={fmt.dateTime(link.data.createdAt ?? '')}
          />
        )}
        {rotate.error && confirm === null && (
          <Alert color="red" role="alert">
            {messageOf(rotate.error)}
          </Alert>
        )}
        {canWrite && link.data?.url && (
          <Group gap="xs">
            <Button variant="light" onClick={sendModal.open}>
              {t('portalLink.send')}
            </Button>
            <Button variant="default" onClick={() => setConfirm('rotate')}>
              {t('portalLink.rotate')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => setConfirm('revoke')}>
              {t('portalLink.revoke')}
            </Button>
          </Group>
        )}
      </Stack>
      <Modal
        opened={confirm !== null}
        onClose={() => {
          rotate.reset();
          revoke.reset();
          setConfirm(null);
        }}
        title={t(confirm === 'rotate' ? 'portalLink.rotateTitle' : 'portalLink.revokeTitle')}
      >
        <Stack>
          <Text>{t(confirm === 'rotate' ? 'portalLink.rotateConfirm' : 'portalLink.revokeConfirm')}</Text>
          {pending.error && (
            <Alert color="red" role="alert">
              {messageOf(pending.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                rotate.reset();
                revoke.reset();
                setConfirm(null);
              }}
            >
              {t('portalLink.cancel')}
            </Button>
            <Button
              color={confirm === 'rotate' ? undefined : 'red'}
              loading={pending.isPending}
              onClick={() => (confirm === 'rotate' ? rotate.mutate() : revoke.mutate())}
            >
              {t(confirm === 'rotate' ? 'portalLink.rotateSubmit' : 'portalLink.revokeSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <SendModal opened={sending} onClose={sendModal.close} thirdparty={tp} />
    </Paper>
  );
}

function LinkDetails({ info, url, createdAt }: { info: PortalLinkInfo; url: string; createdAt: string }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<Language>('fr');
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={t('portalLink.url')}
          value={url}
          readOnly
          style={{ flex: 1 }}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'light' : 'default'} onClick={copy}>
              {copied ? t('portalLink.copied') : t('portalLink.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed">
        {t('portalLink.createdAt', { date: createdAt })}
      </Text>
      <Group justify="space-between" align="flex-end">
        <Text size="sm" fw={500} id="portal-link-text">
          {t('portalLink.text')}
        </Text>
        <SegmentedControl
          size="xs"
          value={language}
          onChange={(v) => setLanguage(v)}
          data={[
            { value: 'fr', label: t('common.languages.fr') },
            { value: 'en', label: t('common.languages.en') },
          ]}
        />
      </Group>
      <Textarea
        aria-labelledby="portal-link-text"
        value={info.text[language]}
        readOnly
        rows={9}
        lang={language}
      />
      <Group>
        <CopyButton value={info.text[language]}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'light' : 'default'} size="xs" onClick={copy}>
              {copied ? t('portalLink.copied') : t('portalLink.copyText')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

function SendModal({
  opened,
  onClose,
  thirdparty: tp,
}: {
  opened: boolean;
  onClose: () => void;
  thirdparty: Thirdparty;
}) {
  const { t } = useTranslation();
  const messageOf = useMessageOf();
  const [to, setTo] = useState('');
  const [language, setLanguage] = useState<'both' | Language>('both');
  const send = useMutation({
    mutationFn: () =>
      sendPortalLink(tp.id, {
        ...(to.trim() ? { to: to.trim() } : {}),
        ...(language !== 'both' ? { language } : {}),
      }),
    onSuccess: (sent) => {
      notifications.show({ color: 'teal', message: t('portalLink.sent', { to: sent.to }) });
      setTo('');
      onClose();
    },
  });
  const close = () => {
    send.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('portalLink.sendTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        <Stack>
          <TextInput
            type="email"
            label={t('portalLink.sendTo')}
            description={t('portalLink.sendToHint')}
            placeholder={tp.email ?? ''}
            required={!tp.email}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
          <Select
            label={t('portalLink.sendLanguage')}
            value={language}
            allowDeselect={false}
            onChange={(v) => setLanguage(v ?? 'both')}
            data={[
              { value: 'both', label: t('portalLink.sendBoth') },
              { value: 'fr', label: t('common.languages.fr') },
              { value: 'en', label: t('common.languages.en') },
            ]}
          />
          {send.error && (
            <Alert color="red" role="alert">
              {messageOf(send.error, { bad_request: t('portalLink.noEmail') })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('portalLink.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('portalLink.sendSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../common/languages.js';
import { Brand } from './Brand.js';
import { LanguageSwitch } from './LanguageSwitch.js';

/** The frame of the pages seen before sign-in: brand, a card holding the form, the language switch. */
export function AuthLayout({
  title,
  subtitle,
  children,
  withLanguageSwitch = true,
}: {
  title: string;
  subtitle: string;
  children: React.ReactNode;
  /** Off where the form itself asks for the language (first-time setup). */
  withLanguageSwitch?: boolean;
}) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: title }));
  return (
    <Box
      mih="100vh"
      style={{
        background:
          'radial-gradient(1200px 600px at 10% -10%, var(--mantine-color-indigo-1), transparent 60%),' +
          'radial-gradient(900px 500px at 110% 110%, var(--mantine-color-cyan-1), transparent 60%),' +
          'var(--mantine-color-gray-0)',
      }}
    >
      <Group justify="flex-end" p="md" mih={62}>
        {withLanguageSwitch && <LanguageSwitch onChange={(lng: Language) => void i18n.changeLanguage(lng)} />}
      </Group>
      <Center px="md" pb={64} pt={{ base: 0, sm: 24 }}>
        <Stack w="100%" maw={420} gap="lg">
          <Stack align="center" gap={6}>
            <Brand size="lg" />
            <Text c="dimmed" size="sm" ta="center">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Paper component="main" withBorder shadow="md" radius="lg" p={{ base: 'lg', sm: 32 }}>
            <Stack gap={4} mb="lg">
              <Title order={1} fz={22}>
                {title}
              </Title>
              <Text c="dimmed" size="sm">
                {subtitle}
              </Text>
            </Stack>
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}

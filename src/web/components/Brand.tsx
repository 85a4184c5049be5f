import { Group, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconLifebuoy } from './icons.js';

/** The product mark: lifebuoy badge and name. */
export function Brand({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const large = size === 'lg';
  return (
    <Group gap={large ? 'sm' : 'xs'} wrap="nowrap">
      <ThemeIcon
        size={large ? 44 : 32}
        radius="md"
        variant="gradient"
        gradient={{ from: 'indigo.6', to: 'cyan.5', deg: 135 }}
      >
        <IconLifebuoy size={large ? 26 : 20} />
      </ThemeIcon>
      <Text fw={700} fz={large ? 26 : 'lg'} lh={1} style={{ letterSpacing: '-0.02em' }}>
        {t('app.name')}
      </Text>
    </Group>
  );
}

import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../common/languages.js';
import { currentLanguage } from '../i18n/i18n.js';

const CODES: Record<Language, string> = { fr: 'FR', en: 'EN' };

/**
 * FR/EN switch. Shows the short codes; screen readers hear the language names. The caller decides what a
 * change does (only the interface before sign-in; the interface and the user's stored language after).
 */
export function LanguageSwitch({ onChange }: { onChange: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  const languages: Language[] = ['fr', 'en'];
  return (
    <SegmentedControl<Language>
      size="xs"
      radius="xl"
      aria-label={t('common.language')}
      value={currentLanguage(i18n)}
      onChange={onChange}
      data={languages.map((lng) => ({
        value: lng,
        label: (
          <>
            <span aria-hidden="true">{CODES[lng]}</span>
            <VisuallyHidden>{t(`common.languages.${lng}`)}</VisuallyHidden>
          </>
        ),
      }))}
    />
  );
}

import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../common/languages.js';
import { en } from './en.js';
import { fr } from './fr.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof fr };
  }
}

export const SUPPORTED_LANGUAGES: readonly Language[] = ['fr', 'en'];

/** Before sign-in the browser decides: French for any fr* locale, English otherwise. */
export function browserLanguage(
  languages: readonly string[] = navigator.languages ?? [navigator.language],
): Language {
  const first = languages[0] ?? '';
  return first.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** A fresh i18next instance (one per app, one per test), ready at once: the catalogs are bundled. */
export function createI18n(language: Language = browserLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: language,
    fallbackLng: 'fr',
    supportedLngs: SUPPORTED_LANGUAGES,
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });
  const syncHtmlLang = (lng: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  };
  syncHtmlLang(instance.language);
  instance.on('languageChanged', syncHtmlLang);
  return instance;
}

export function currentLanguage(instance: I18n): Language {
  return instance.resolvedLanguage === 'en' ? 'en' : 'fr';
}

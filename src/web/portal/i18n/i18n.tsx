import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '../../../common/languages.js';
import { en } from './en.js';
import { fr, type PortalCatalog } from './fr.js';

/**
 * The portal's translation: a 20-line lookup instead of i18next, to keep the bundle small. Keys are the
 * dotted paths of the French catalog, checked by the compiler; placeholders are `{name}`.
 */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<PortalCatalog>;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const CATALOGS: Record<Language, PortalCatalog> = { fr, en };
export const LANGUAGE_STORAGE_KEY = 'guichet.portal.language';

export function translator(language: Language): Translate {
  return (key, vars) => {
    let node: unknown = CATALOGS[language];
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    const text = typeof node === 'string' ? node : key;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(vars, name) ? String(vars[name]) : whole,
    );
  };
}

/** French for any fr* browser language, English otherwise. */
export function browserLanguage(
  languages: readonly string[] = navigator.languages?.length ? navigator.languages : [navigator.language],
): Language {
  return (languages[0] ?? '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

// Storage can be off (privacy modes, sandboxed frames): the choice then lasts until the page closes.
function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return value === 'fr' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

/** The language the visitor chose before (remembered), else the browser's. */
export function initialLanguage(): Language {
  return storedLanguage() ?? browserLanguage();
}

interface I18nValue {
  language: Language;
  t: Translate;
  setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ initial, children }: { initial: Language; children: ReactNode }) {
  const [language, setState] = useState<Language>(initial);
  const setLanguage = useCallback((next: Language) => {
    setState(next);
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // not remembered, see storedLanguage
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(() => ({ language, t: translator(language), setLanguage }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

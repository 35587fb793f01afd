// Locale state and message formatting. zh-CN is the default; the choice persists per browser.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'tuzhang.locale';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Formats a message: `{name}` placeholders are replaced by params. Missing keys fall back to zh-CN. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogs[locale][key] ?? zhCN[key] ?? key;
  return params ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : template;
}

/** A key when it exists in the catalogue (for values from data such as kinds and levels). */
export function isMessageKey(key: string): key is MessageKey {
  return key in zhCN;
}

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}
const I18nContext = createContext<I18nValue | null>(null);

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    document.documentElement.lang = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage refused: the choice lasts for this page only.
    }
  }, []);
  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

import { create } from 'zustand';
import { en, type MessageKey } from './en';
import { ru } from './ru';

/** Interface languages. */
export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { en, ru };
const STORAGE_KEY = 'touchpoint.locale';

/** Fills `{name}` placeholders; a missing value leaves the placeholder visible rather than blank. */
export function formatMessage(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** Translates one key in one locale. */
export function translate(locale: Locale, key: MessageKey, values?: Record<string, string | number>): string {
  return formatMessage(DICTIONARIES[locale][key], values);
}

function readStoredLocale(): Locale {
  if (typeof localStorage === 'undefined') return 'en';
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'ru' ? 'ru' : 'en';
}

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

/** The chosen interface language, remembered across visits. */
export const useLocaleStore = create<LocaleState>((set) => ({
  locale: readStoredLocale(),
  setLocale: (locale) => {
    localStorage.setItem(STORAGE_KEY, locale);
    document.documentElement.lang = locale;
    set({ locale });
  },
}));

/** Returns `t(key, values)` bound to the current language. */
export function useT(): (key: MessageKey, values?: Record<string, string | number>) => string {
  const locale = useLocaleStore((state) => state.locale);
  return (key, values) => translate(locale, key, values);
}

export type { MessageKey };

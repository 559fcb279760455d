import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languageSchema, type Language } from '../../../shared/platform/bridge';
import { en } from './en';
import { ja } from './ja';

const STORAGE_KEY = 'kakehashi.language';

/** The remembered choice, else Japanese when the system locale is Japanese, else English. */
export function initialLanguage(storage: Pick<Storage, 'getItem'> | undefined, locales: readonly string[]): Language {
  const stored = languageSchema.safeParse(storage?.getItem(STORAGE_KEY));
  if (stored.success) return stored.data;
  return locales.some((locale) => locale.toLowerCase().startsWith('ja')) ? 'ja' : 'en';
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice simply is not remembered.
  }
}

export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: language,
    fallbackLng: 'ja',
    initAsync: false,
    // React escapes text itself; i18next must not, or names would show `&lt;`.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { de } from './de';

export type Language = 'en' | 'de';

export function systemLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function resolveLanguage(setting: 'system' | Language): Language {
  return setting === 'system' ? systemLanguage() : setting;
}

export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, de: { translation: de } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = language;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

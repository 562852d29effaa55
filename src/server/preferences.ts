import { DEFAULT_LANGUAGE, toLanguage, type Language } from '../core/i18n';

const LANGUAGE_KEY = 'sop.language';

/** The signed-in user's UI language (user property), Indonesian by default. */
export function getLanguage(): Language {
  return toLanguage(PropertiesService.getUserProperties().getProperty(LANGUAGE_KEY) ?? DEFAULT_LANGUAGE);
}

export function saveLanguage(language: Language): void {
  PropertiesService.getUserProperties().setProperty(LANGUAGE_KEY, language);
}

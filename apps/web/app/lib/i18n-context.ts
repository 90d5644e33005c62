import { useRouteLoaderData } from 'react-router';
import { defaultLanguage, translator, type Language, type Translate } from '../i18n/index.ts';

/** The language chosen in the root loader, and its translator. */
export function useI18n(): { language: Language; t: Translate } {
  const data = useRouteLoaderData('root') as { language: Language } | undefined;
  const language = data?.language ?? defaultLanguage;
  return { language, t: translator(language) };
}

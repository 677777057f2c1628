import { createContext, useContext } from 'react';
import type { Lang } from '../state/url-state.ts';
import { translate } from '../i18n/strings.ts';

export const LangContext = createContext<Lang>('zh');

/** t(key) in the current language. */
export function useT(): (key: string) => string {
  const lang = useContext(LangContext);
  return (key) => translate(lang, key);
}

'use client';

import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type Lang, pick, type Text } from './lang';

/** The reader's preferences, read from cookies by the root layout: language and large text (大字版). */
export interface Preferences {
  lang: Lang;
  largeText: boolean;
}

const PreferencesContext = createContext<Preferences>({ lang: 'zh', largeText: false });

export function PreferencesProvider({ value, children }: { value: Preferences; children: ReactNode }) {
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): Preferences {
  return useContext(PreferencesContext);
}

/** The current language and a translator for Text values. */
export function useText(): { lang: Lang; t: (text: Text) => string } {
  const { lang } = usePreferences();
  return useMemo(() => ({ lang, t: (text: Text) => pick(lang, text) }), [lang]);
}

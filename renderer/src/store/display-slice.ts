import type { StateCreator } from 'zustand';
import type { Language } from '../i18n/i18n';
import type { AppState } from './store';

export interface DisplaySlice {
  display: {
    /** The language chosen on this screen (address or keyboard); null follows the office's locale. */
    language: Language | null;
  };
  setLanguage: (language: Language | null) => void;
}

export const createDisplaySlice: StateCreator<AppState, [], [], DisplaySlice> = (set) => ({
  display: { language: null },
  setLanguage: (language) => set((s) => ({ display: { ...s.display, language } })),
});

export const displaySelectors = {
  language: (s: AppState) => s.display.language,
};

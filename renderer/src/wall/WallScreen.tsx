import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_ORDER, LANGUAGES, languageOf } from '../i18n/i18n';
import { displaySelectors } from '../store/display-slice';
import { useAppStore } from '../store/store-context';
import { WallView } from './WallView';

export interface WallScreenProps {
  officeId: string | null;
  /** A queue group (`?group=`) shown alone; null shows every queue. */
  groupId?: string | null;
  pageMs?: number;
}

/**
 * Container of the wall: decides the language (chosen on this screen, else the office's, else English for a wall of
 * several offices) and the locale for numbers and times; `L` cycles the language.
 */
export function WallScreen({ officeId, groupId = null, pageMs }: WallScreenProps) {
  const { i18n } = useTranslation();
  const chosen = useAppStore(displaySelectors.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const office = useAppStore((s) => (officeId ? s.feed.offices.find((o) => o.id === officeId) : undefined));
  const language = chosen ?? (office ? languageOf(office.locale) : 'en');
  const locale = chosen ? LANGUAGES[chosen] : (office?.locale ?? LANGUAGES.en);
  const next = LANGUAGE_ORDER[(LANGUAGE_ORDER.indexOf(language) + 1) % LANGUAGE_ORDER.length]!;

  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = locale;
  }, [i18n, language, locale]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.key === 'l' || event.key === 'L') && !event.ctrlKey && !event.metaKey && !event.altKey) setLanguage(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next, setLanguage]);

  return <WallView officeId={officeId} groupId={groupId} locale={locale} language={language} onNextLanguage={() => setLanguage(next)} pageMs={pageMs} />;
}

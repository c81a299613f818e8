import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGE_ORDER, LANGUAGES, type Language } from './i18n';

/** The language of a person's own screens, each offered by its own name. */
export function LanguagePicker({ language, onChoose }: { language: Language; onChoose: (language: Language) => void }) {
  const { t } = useTranslation();
  return (
    <label className="language-picker">
      <span>{t('desk.language')}</span>
      <select value={language} onChange={(e) => onChoose(e.target.value as Language)} data-testid="language-picker">
        {LANGUAGE_ORDER.map((l) => (
          <option key={l} value={l} lang={LANGUAGES[l]}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

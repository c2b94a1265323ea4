/** The article's spelling language, chosen beside the body's label. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SpellingLanguage } from '../../src-shared/api';

export function SpellingLanguageSelect({
  value,
  onChange,
}: {
  value: SpellingLanguage;
  onChange: (language: SpellingLanguage) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <span className="body__spelling">
      <label htmlFor={id}>{t('spelling.language')}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(SpellingLanguage.parse(e.target.value))}
      >
        {SpellingLanguage.options.map((l) => (
          <option key={l} value={l}>
            {t(`spelling.languages.${l}`)}
          </option>
        ))}
      </select>
    </span>
  );
}

/**
 * The newsroom dictionary in the settings: every user sees the words all desks accept; a desk
 * chief can remove one (queued like any change, it reaches every desk with the next sync).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/transport';
import { useCurrentUser } from '../review/useRole';
import { useNewsroomWords } from './newsroomWords';
import './dictionary.css';

export function NewsroomDictionary() {
  const { t } = useTranslation();
  const words = useNewsroomWords() ?? [];
  const { chief } = useCurrentUser();
  const [error, setError] = useState<string | null>(null);

  const remove = (word: string) => {
    setError(null);
    api['dictionary.remove']({ word }).catch((e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
  };

  return (
    <section className="newsroom-dictionary" aria-labelledby="newsroom-dictionary-title">
      <h3 id="newsroom-dictionary-title">{t('dictionary.title')}</h3>
      <p className="hint">{chief ? t('dictionary.hintChief') : t('dictionary.hint')}</p>
      {words.length === 0 ? (
        <p>{t('dictionary.empty')}</p>
      ) : (
        <ul className="newsroom-dictionary__list" aria-labelledby="newsroom-dictionary-title">
          {words.map((w) => (
            <li key={w.word} className="newsroom-dictionary__word">
              <span className="newsroom-dictionary__text">{w.word}</span>
              {w.pending && <span className="badge">{t('dictionary.pending')}</span>}
              {chief && (
                <button
                  type="button"
                  className="newsroom-dictionary__remove"
                  aria-label={t('dictionary.remove', { word: w.word })}
                  onClick={() => remove(w.word)}
                >
                  {t('dictionary.removeShort')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
    </section>
  );
}

/**
 * The open suggestions on one field, under it: each as the word diff of the field's value and the
 * proposal, with who suggested it and when, in the author's colour; the article's author and desk
 * chiefs get Accept and Reject (one click, one change each).
 */
import { useTranslation } from 'react-i18next';
import type { CSSProperties } from 'react';
import type { FieldSuggestion } from '../../src-shared/model';
import { diffWords } from '../../src-shared/text/wordDiff';
import { DiffText } from '../compare/DiffText';
import { formatClockTime } from '../i18n/format';
import { authorHue } from './authorColour';
import { useNameOf } from '../state/userNames';

export function FieldSuggestionList({
  label,
  current,
  suggestions,
  canResolve,
  onResolve,
}: {
  /** The field's visible name ("Headline"). */
  label: string;
  current: string;
  suggestions: readonly FieldSuggestion[];
  canResolve: boolean;
  onResolve: (suggestion: FieldSuggestion, action: 'accept' | 'reject') => void;
}) {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  if (suggestions.length === 0) return null;
  const labels = { ins: t('compare.inserted'), del: t('compare.deleted') };
  return (
    <ul className="field-suggestions" aria-label={t('fieldSuggestions.list', { field: label })}>
      {suggestions.map((s) => (
        <li
          key={s.id}
          className="field-suggestion"
          data-testid="field-suggestion"
          style={{ '--suggestion-hue': authorHue(s.author) } as CSSProperties}
        >
          <span className="field-suggestion__meta">
            {t('fieldSuggestions.by', {
              name: nameOf(s.author),
              time: formatClockTime(new Date(s.at), i18n.language),
            })}
          </span>
          <span className="field-suggestion__text">
            {s.value === '' ? (
              <del data-label={labels.del}>{current}</del>
            ) : (
              <DiffText parts={diffWords(current, s.value)} labels={labels} />
            )}
          </span>
          {canResolve && (
            <span className="field-suggestion__actions">
              <button
                type="button"
                className="button button--small"
                onClick={() => onResolve(s, 'accept')}
                aria-label={t('fieldSuggestions.acceptLabel', {
                  field: label,
                  name: nameOf(s.author),
                })}
              >
                {t('fieldSuggestions.accept')}
              </button>
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => onResolve(s, 'reject')}
                aria-label={t('fieldSuggestions.rejectLabel', {
                  field: label,
                  name: nameOf(s.author),
                })}
              >
                {t('fieldSuggestions.reject')}
              </button>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

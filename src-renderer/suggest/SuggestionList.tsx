/**
 * The Suggestions list of the open article: each open suggestion with its author (in the
 * author's colour), time, kind and text, Accept / Reject per item and per author, and for all.
 * Generic over where a suggestion is (`SuggestionItem.where`): the caller resolves the items.
 * Read only (no buttons) for users who may not decide, with the reason.
 */
import { Check, MessageSquareReply, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { SuggestionAction } from '../../src-shared/richtext/suggestions';
import { formatClockTime } from '../i18n/format';
import { authorHue } from './authorColour';
import type { SuggestionItem } from './bodySuggestions';
import './suggestions.css';

const EXCERPT = 140;
const excerpt = (text: string) =>
  text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text;

export interface SuggestionListProps {
  items: readonly SuggestionItem[];
  /** Null: the user may accept and reject; else why not (shown instead of the buttons). */
  readOnlyReason: string | null;
  /** The name to show for a username (display name where the desk knows it). */
  nameOf: (username: string) => string;
  onResolve: (items: SuggestionItem[], action: SuggestionAction) => void;
  onShow: (item: SuggestionItem) => void;
  /** Starts a review comment that answers the suggestion (anyone may reply). */
  onReply?: (item: SuggestionItem) => void;
}

/** The authors of the items, each once, in order of their first suggestion. */
function authorsOf(items: readonly SuggestionItem[]): string[] {
  return [...new Set(items.map((i) => i.author))];
}

export function SuggestionList({
  items,
  readOnlyReason,
  nameOf,
  onResolve,
  onShow,
  onReply,
}: SuggestionListProps) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  const may = readOnlyReason === null;
  const authors = authorsOf(items);
  return (
    <section
      className="suggestion-list"
      aria-labelledby="suggestion-list-title"
      data-testid="suggestion-list"
    >
      <h3 id="suggestion-list-title">
        {t('suggestionList.title')}{' '}
        <span className="suggestion-list__count">
          {t('suggestionList.count', { count: items.length })}
        </span>
      </h3>
      {!may && <p className="hint">{readOnlyReason}</p>}
      {may && (
        <div className="suggestion-list__all">
          <button
            type="button"
            className="button button--small"
            onClick={() => onResolve([...items], 'accept')}
          >
            {t('suggestionList.acceptAll')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => onResolve([...items], 'reject')}
          >
            {t('suggestionList.rejectAll')}
          </button>
        </div>
      )}
      {authors.map((author) => {
        const own = items.filter((i) => i.author === author);
        const name = nameOf(author);
        return (
          <div
            key={author}
            className="suggestion-list__author"
            style={{ '--suggestion-hue': authorHue(author) } as React.CSSProperties}
          >
            <div className="suggestion-list__author-row">
              <span className="suggestion-list__name">{name}</span>
              {may && authors.length > 1 && (
                <span className="suggestion-list__author-actions">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onResolve(own, 'accept')}
                  >
                    {t('suggestionList.acceptFrom', { name })}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onResolve(own, 'reject')}
                  >
                    {t('suggestionList.rejectFrom', { name })}
                  </button>
                </span>
              )}
            </div>
            <ul className="suggestion-list__items">
              {own.map((item) => {
                return (
                  <li
                    key={item.key}
                    className={`suggestion-card suggestion-card--${item.kind}`}
                    data-suggestion-id={item.id}
                  >
                    <button
                      type="button"
                      className="suggestion-card__show"
                      title={t('suggestionList.show')}
                      onClick={() => onShow(item)}
                    >
                      <span className="suggestion-card__meta">
                        <span className="suggestion-card__kind">
                          {t(`suggestionList.kind.${item.kind}`)}
                        </span>
                        {item.where !== 'body' && (
                          <span> · {t(`editor.${item.where}`, { defaultValue: item.where })}</span>
                        )}
                        {item.at && (
                          <time dateTime={item.at}>
                            {' · '}
                            {formatClockTime(new Date(item.at), i18n.language)}
                          </time>
                        )}
                      </span>
                      {item.kind === 'insert' ? (
                        <ins className="suggestion-card__text">{excerpt(item.text)}</ins>
                      ) : (
                        <del className="suggestion-card__text">{excerpt(item.text)}</del>
                      )}
                    </button>
                    {(may || onReply) && (
                      <span className="suggestion-card__actions">
                        {onReply && (
                          <button
                            type="button"
                            className="icon-button suggestion-card__reply"
                            aria-label={t('suggestionList.replyOne', { text: excerpt(item.text) })}
                            title={t('suggestionList.reply')}
                            onClick={() => onReply(item)}
                          >
                            <MessageSquareReply aria-hidden size={16} />
                          </button>
                        )}
                        {may && (
                          <>
                            <button
                              type="button"
                              className="icon-button suggestion-card__accept"
                              aria-label={t('suggestionList.acceptOne', {
                                text: excerpt(item.text),
                              })}
                              title={t('suggestionList.accept')}
                              onClick={() => onResolve([item], 'accept')}
                            >
                              <Check aria-hidden size={16} />
                            </button>
                            <button
                              type="button"
                              className="icon-button suggestion-card__reject"
                              aria-label={t('suggestionList.rejectOne', {
                                text: excerpt(item.text),
                              })}
                              title={t('suggestionList.reject')}
                              onClick={() => onResolve([item], 'reject')}
                            >
                              <X aria-hidden size={16} />
                            </button>
                          </>
                        )}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

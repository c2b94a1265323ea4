/**
 * Find (Ctrl/Cmd+F) and replace (Ctrl/Cmd+H) in the open article. Matches in the body are
 * highlighted and stepped through; the count also includes the text fields, and "Replace all"
 * replaces there too. Matches are recomputed after the body changes, once typing pauses.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import { type BodyMatch, clearMatches, findInBody, replaceInBody, showMatches } from './bodyFind';
import { type FindOptions, findMatches, replaceMatches } from './matches';

/** The article's plain-text fields that find and replace cover besides the body. */
export type FindableFields = Record<'kicker' | 'headline' | 'teaser' | 'byline', string>;

const REFRESH_DELAY_MS = 200;

export function FindBar({
  editor,
  replace,
  focusToken,
  fields,
  onReplaceFields,
  onClose,
}: {
  editor: LexicalEditor | null;
  replace: boolean;
  /** Changes each time Ctrl+F or Ctrl+H is pressed again: the find box takes the focus. */
  focusToken: number;
  fields: FindableFields;
  onReplaceFields: (patch: Partial<FindableFields>) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [options, setOptions] = useState<FindOptions>({ caseSensitive: false, wholeWord: false });
  const [current, setCurrent] = useState(0);
  const [replaced, setReplaced] = useState<number | null>(null);
  const [bodyVersion, setBodyVersion] = useState(0);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusToken]);

  // Recompute after body edits (debounced), and whenever query or options change.
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = editor.registerTextContentListener(() => {
      clearTimeout(timer);
      timer = setTimeout(() => setBodyVersion((v) => v + 1), REFRESH_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [editor]);
  // Computed in render, not in an effect: a key pressed right after the query or an option
  // changed must step through the new matches, and the count never shows a half-updated state.
  const matches = useMemo<BodyMatch[]>(
    () => (editor ? findInBody(editor, query, options) : []),
    // bodyVersion stands for the body's text, which findInBody reads from the editor.
    [editor, query, options, bodyVersion],
  );
  const shown = matches.length === 0 ? 0 : Math.min(current, matches.length - 1);
  useEffect(() => {
    if (!editor) return;
    const range = showMatches(editor, matches, shown);
    range?.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
  }, [editor, matches, shown]);
  useEffect(() => clearMatches, []);

  const fieldMatches = (Object.keys(fields) as (keyof FindableFields)[]).reduce(
    (n, k) => n + findMatches(fields[k], query, options).length,
    0,
  );
  const total = matches.length + fieldMatches;

  const step = (by: 1 | -1) => {
    if (matches.length === 0) return;
    setCurrent((shown + by + matches.length) % matches.length);
  };

  const replaceCurrent = () => {
    const m = matches[shown];
    if (!editor || !m) return;
    setReplaced(replaceInBody(editor, [m], replacement));
    setBodyVersion((v) => v + 1);
  };

  const replaceAll = () => {
    if (!editor) return;
    let count = replaceInBody(editor, matches, replacement);
    const patch: Partial<FindableFields> = {};
    for (const k of Object.keys(fields) as (keyof FindableFields)[]) {
      const ms = findMatches(fields[k], query, options);
      if (ms.length === 0) continue;
      patch[k] = replaceMatches(fields[k], ms, replacement);
      count += ms.length;
    }
    if (Object.keys(patch).length > 0) onReplaceFields(patch);
    setReplaced(count);
    setBodyVersion((v) => v + 1);
  };

  const close = useCallback(() => {
    clearMatches();
    onClose();
  }, [onClose]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };

  const countText =
    query === ''
      ? ''
      : total === 0
        ? t('find.none')
        : matches.length > 0
          ? t('find.count', { current: shown + 1, total: matches.length, all: total })
          : t('find.fieldsOnly', { count: total });

  return (
    <div
      className="find-bar"
      role="search"
      aria-label={t(replace ? 'find.replaceLabel' : 'find.label')}
      onKeyDown={onKeyDown}
    >
      <div className="find-bar__row">
        <label htmlFor={`${id}-find`}>{t('find.find')}</label>
        <input
          ref={input}
          id={`${id}-find`}
          type="search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setCurrent(0);
            setReplaced(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              step(e.shiftKey ? -1 : 1);
            }
          }}
        />
        <span className="find-bar__count" role="status" data-testid="find-count">
          {countText}
        </span>
        <button type="button" onClick={() => step(-1)} disabled={matches.length === 0}>
          {t('find.previous')}
        </button>
        <button type="button" onClick={() => step(1)} disabled={matches.length === 0}>
          {t('find.next')}
        </button>
        <label className="find-bar__option">
          <input
            type="checkbox"
            checked={options.caseSensitive}
            onChange={(e) => setOptions((o) => ({ ...o, caseSensitive: e.target.checked }))}
          />
          {t('find.caseSensitive')}
        </label>
        <label className="find-bar__option">
          <input
            type="checkbox"
            checked={options.wholeWord}
            onChange={(e) => setOptions((o) => ({ ...o, wholeWord: e.target.checked }))}
          />
          {t('find.wholeWord')}
        </label>
        <button type="button" onClick={close}>
          {t('find.close')}
        </button>
      </div>
      {replace && (
        <div className="find-bar__row">
          <label htmlFor={`${id}-replace`}>{t('find.replaceWith')}</label>
          <input
            id={`${id}-replace`}
            type="text"
            value={replacement}
            onChange={(e) => setReplacement(e.target.value)}
          />
          <button type="button" onClick={replaceCurrent} disabled={matches.length === 0}>
            {t('find.replaceOne')}
          </button>
          <button type="button" onClick={replaceAll} disabled={total === 0}>
            {t('find.replaceAll')}
          </button>
          {replaced !== null && (
            <span className="find-bar__count" role="status" data-testid="replace-count">
              {t('find.replaced', { count: replaced })}
            </span>
          )}
        </div>
      )}
    </div>
  );
}

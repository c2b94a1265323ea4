/**
 * Find (Ctrl/Cmd+F) and replace (Ctrl/Cmd+H) in the open article. Matches in the body are
 * highlighted and stepped through; the count also includes the text fields, and "Replace all"
 * replaces there too. Matches are recomputed after the body changes, once typing pauses.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import { ChevronDown, ChevronUp, X } from 'lucide-react';
import { keyLabel } from '../i18n/format';
import { type BodyMatch, clearMatches, findInBody, replaceInBody, showMatches } from './bodyFind';
import type { FindableFields } from './fields';
import { type FindOptions, findMatches, replaceMatches } from './matches';
import { historyMark, type ReplaceAllRecord, undoReplaceAll } from './replaceAllUndo';

export type { FindableFields } from './fields';

/** Why replacing is not offered: the article is read only, or edits must be suggestions. */
export type ReplaceOff = 'readOnly' | 'suggesting' | null;

/** What the replace line reports: how many were replaced, or that it was taken back (or not). */
type ReplaceNote = { kind: 'replaced'; count: number } | { kind: 'undone' } | { kind: 'stale' };

const REFRESH_DELAY_MS = 200;

export function FindBar({
  editor,
  replace: replaceAsked,
  replaceOff,
  focusToken,
  fields,
  onReplaceFields,
  onClose,
}: {
  editor: LexicalEditor | null;
  replace: boolean;
  /**
   * Set when replacing must not change the article: Ctrl+H then finds only and says why.
   * (Replacing would write past the read-only lock, or around suggestion mode.)
   */
  replaceOff: ReplaceOff;
  /** Changes each time Ctrl+F or Ctrl+H is pressed again: the find box takes the focus. */
  focusToken: number;
  fields: FindableFields;
  onReplaceFields: (patch: Partial<FindableFields>) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const replace = replaceAsked && replaceOff === null;
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [options, setOptions] = useState<FindOptions>({ caseSensitive: false, wholeWord: false });
  const [current, setCurrent] = useState(0);
  const [note, setNote] = useState<ReplaceNote | null>(null);
  // What the last "Replace all" did, while it can still be taken back in one step.
  const [lastReplaceAll, setLastReplaceAll] = useState<ReplaceAllRecord | null>(null);
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
    setNote({ kind: 'replaced', count: replaceInBody(editor, [m], replacement) });
    setLastReplaceAll(null);
    setBodyVersion((v) => v + 1);
  };

  const replaceAll = () => {
    if (!editor) return;
    const inBody = replaceInBody(editor, matches, replacement);
    let count = inBody;
    const before: Partial<FindableFields> = {};
    const patch: Partial<FindableFields> = {};
    for (const k of Object.keys(fields) as (keyof FindableFields)[]) {
      const ms = findMatches(fields[k], query, options);
      if (ms.length === 0) continue;
      before[k] = fields[k];
      patch[k] = replaceMatches(fields[k], ms, replacement);
      count += ms.length;
    }
    if (Object.keys(patch).length > 0) onReplaceFields(patch);
    setNote({ kind: 'replaced', count });
    setLastReplaceAll({
      body: inBody > 0 ? historyMark(editor) : null,
      fieldsBefore: before,
      fieldsAfter: patch,
    });
    setBodyVersion((v) => v + 1);
  };

  const undoLastReplaceAll = () => {
    if (!editor || !lastReplaceAll) return;
    const done = undoReplaceAll(editor, lastReplaceAll, fields, onReplaceFields);
    setNote({ kind: done ? 'undone' : 'stale' });
    setLastReplaceAll(null);
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

  const noteText =
    note === null
      ? ''
      : note.kind === 'replaced'
        ? t('find.replaced', { count: note.count })
        : note.kind === 'undone'
          ? t('find.undone')
          : t('find.undoStale', { keys: keyLabel('Ctrl+Z', i18n.language) });

  // Two lines (three with Replace), labels and boxes in columns: find with its count, stepping
  // and Close; the options; replace with its buttons and what it did.
  return (
    <div
      className="find-bar"
      role="search"
      aria-label={t(replace ? 'find.replaceLabel' : 'find.label')}
      onKeyDown={onKeyDown}
    >
      <label className="find-bar__label" htmlFor={`${id}-find`}>
        {t('find.find')}
      </label>
      <input
        ref={input}
        id={`${id}-find`}
        className="find-bar__box"
        type="search"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setCurrent(0);
          setNote(null);
          setLastReplaceAll(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          }
        }}
      />
      <div className="find-bar__controls find-bar__controls--find">
        <span className="find-bar__count" role="status" data-testid="find-count">
          {countText}
        </span>
        <button
          type="button"
          className="icon-button"
          aria-label={t('find.previous')}
          title={`${t('find.previous')} (${keyLabel('Shift+Enter', i18n.language)})`}
          onClick={() => step(-1)}
          disabled={matches.length === 0}
        >
          <ChevronUp aria-hidden size={16} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('find.next')}
          title={`${t('find.next')} (${keyLabel('Enter', i18n.language)})`}
          onClick={() => step(1)}
          disabled={matches.length === 0}
        >
          <ChevronDown aria-hidden size={16} />
        </button>
      </div>
      <button
        type="button"
        className="icon-button find-bar__close"
        aria-label={t('find.close')}
        title={`${t('find.close')} (Esc)`}
        onClick={close}
      >
        <X aria-hidden size={16} />
      </button>
      <div className="find-bar__options">
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
      </div>
      {replaceAsked && replaceOff !== null && (
        <p className="find-bar__off" role="note">
          {t(replaceOff === 'readOnly' ? 'find.offReadOnly' : 'find.offSuggesting')}
        </p>
      )}
      {replace && (
        <>
          <label className="find-bar__label" htmlFor={`${id}-replace`}>
            {t('find.replaceWith')}
          </label>
          <input
            id={`${id}-replace`}
            className="find-bar__box"
            type="text"
            value={replacement}
            onChange={(e) => setReplacement(e.target.value)}
          />
          <div className="find-bar__controls">
            <button type="button" onClick={replaceCurrent} disabled={matches.length === 0}>
              {t('find.replaceOne')}
            </button>
            <button type="button" onClick={replaceAll} disabled={total === 0}>
              {t('find.replaceAll')}
            </button>
            <span className="find-bar__count" role="status" data-testid="replace-count">
              {noteText}
            </span>
            {lastReplaceAll && (
              <button type="button" onClick={undoLastReplaceAll}>
                {t('find.undo')}
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}

/**
 * The Suggestions list wired to the open article: body suggestions are resolved in the live
 * editor (one undo step), field suggestions by the caller; then the body is saved and the
 * decision queued for the article's timeline (article.recordSuggestions). Undoing a body decision
 * with the editor's history (Ctrl+Z) queues a record that it was undone (redo: decided again).
 * Only the article's author and desk chiefs decide, and not while the article is read only for
 * them.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import type { Article } from '../../src-shared/model';
import type { SuggestionAction } from '../../src-shared/richtext/suggestions';
import { api } from '../api/transport';
import type { CurrentUser } from '../review/useRole';
import {
  showBodySuggestion,
  type BodySuggestionItem,
  type SuggestionItem,
} from './bodySuggestions';
import { resolveInEditor } from './resolveLive';
import { watchBodyDecisions, type TrackedDecision } from './bodyDecisionUndo';
import { decisionRecord, readOnlyReasonKey } from './decisions';
import { SuggestionList } from './SuggestionList';
import { useNameOf } from '../state/userNames';

type Decision = ReturnType<typeof decisionRecord>;

export function SuggestionsPanel({
  article,
  editor,
  bodyItems,
  fieldItems = [],
  onResolveFields,
  me,
  locked,
  flush,
  onReply,
}: {
  article: Article;
  editor: LexicalEditor | null;
  bodyItems: readonly BodySuggestionItem[];
  /** Field suggestions (kicker, headline, teaser), resolved by `onResolveFields`. */
  fieldItems?: readonly SuggestionItem[];
  /** Resolves field suggestions; the timeline record waits for the promise. */
  onResolveFields?: (items: SuggestionItem[], action: SuggestionAction) => Promise<void>;
  me: CurrentUser;
  locked: boolean;
  flush: () => Promise<void>;
  /** Starts a review comment answering a suggestion (the comments panel takes it). */
  onReply?: (item: SuggestionItem) => void;
}) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const reason = readOnlyReasonKey(article, me, locked);
  // Records go out in the order of what they record (a decision before its undo).
  const records = useRef<Promise<unknown>>(Promise.resolve());
  const queueRecord = useCallback(
    (before: () => Promise<unknown>, record: () => Promise<unknown>) => {
      records.current = records.current
        .then(before)
        .then(record)
        .catch((e: unknown) => console.error('Suggestions:', e));
    },
    [],
  );
  const watcher = useRef<ReturnType<typeof watchBodyDecisions<Decision>> | null>(null);
  useEffect(() => {
    if (!editor) return;
    const w = watchBodyDecisions<Decision>(editor, (d: TrackedDecision<Decision>, undone) =>
      // The body as the undo (or redo) left it is saved first.
      queueRecord(flush, () =>
        api['articles.recordSuggestions']({
          id: article.id,
          ...d.record,
          ...(undone ? { undone: true as const } : {}),
        }),
      ),
    );
    watcher.current = w;
    return () => {
      w.dispose();
      if (watcher.current === w) watcher.current = null;
    };
  }, [article.id, editor, flush, queueRecord]);
  const onResolve = useCallback(
    (items: SuggestionItem[], action: SuggestionAction) => {
      const body = items.filter((i) => i.where === 'body');
      const fields = items.filter((i) => i.where !== 'body');
      if (body.length > 0 && editor) {
        resolveInEditor(editor, { ids: body.map((i) => i.id) }, action);
        watcher.current?.track({
          ids: body.map((i) => i.id),
          record: decisionRecord(body, action),
        });
      }
      const fieldsResolved =
        fields.length > 0 && onResolveFields ? onResolveFields(fields, action) : Promise.resolve();
      // The decision first, then the record: the timeline never names a decision the server lacks.
      queueRecord(
        () => Promise.all([fieldsResolved, flush()]),
        () =>
          api['articles.recordSuggestions']({ id: article.id, ...decisionRecord(items, action) }),
      );
    },
    [article.id, editor, flush, onResolveFields, queueRecord],
  );
  const onShow = useCallback(
    (item: SuggestionItem) => {
      if (item.where === 'body' && editor) showBodySuggestion(editor, item as BodySuggestionItem);
    },
    [editor],
  );
  return (
    <SuggestionList
      items={[...fieldItems, ...bodyItems]}
      readOnlyReason={reason ? t(reason) : null}
      nameOf={nameOf}
      onResolve={onResolve}
      onShow={onShow}
      onReply={onReply}
    />
  );
}

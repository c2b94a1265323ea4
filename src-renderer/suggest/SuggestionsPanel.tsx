/**
 * The Suggestions list wired to the open article: body suggestions are resolved in the live
 * editor (one undo step), field suggestions by the caller; then the body is saved and the
 * decision queued for the article's timeline (article.recordSuggestions). Only the article's
 * author and desk chiefs decide, and not while the article is read only for them.
 */
import { useCallback } from 'react';
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
import { decisionRecord, readOnlyReasonKey } from './decisions';
import { SuggestionList } from './SuggestionList';
import { useNameOf } from '../state/userNames';

export function SuggestionsPanel({
  article,
  editor,
  bodyItems,
  fieldItems = [],
  onResolveFields,
  me,
  locked,
  flush,
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
}) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const reason = readOnlyReasonKey(article, me, locked);
  const onResolve = useCallback(
    (items: SuggestionItem[], action: SuggestionAction) => {
      const body = items.filter((i) => i.where === 'body');
      const fields = items.filter((i) => i.where !== 'body');
      if (body.length > 0 && editor) {
        resolveInEditor(editor, { ids: body.map((i) => i.id) }, action);
      }
      const fieldsResolved =
        fields.length > 0 && onResolveFields ? onResolveFields(fields, action) : Promise.resolve();
      // The decision first, then the record: the timeline never names a decision the server lacks.
      void Promise.all([fieldsResolved, flush()])
        .then(() =>
          api['articles.recordSuggestions']({ id: article.id, ...decisionRecord(items, action) }),
        )
        .catch((e: unknown) => console.error('Suggestions:', e));
    },
    [article.id, editor, flush, onResolveFields],
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
    />
  );
}

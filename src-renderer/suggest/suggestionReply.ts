/**
 * A reply to a suggestion is an ordinary review comment: the Suggestions list hands the comments
 * form a draft that names the suggestion (who, what) and is anchored to its paragraph, so the
 * answer appears in the comments and the timeline like any other, and syncs like one.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $getNodeByKey, type LexicalEditor } from 'lexical';
import { $getBlockId } from '../../src-shared/richtext/blockIds';
import { useNameOf } from '../state/userNames';
import type { BodySuggestionItem, SuggestionItem } from './bodySuggestions';

/** What the comments form starts from; a new `nonce` means "take this draft now". */
export interface CommentDraft {
  nonce: number;
  text: string;
  blockId: string | null;
}

const QUOTE = 80;
export const quoteOf = (text: string) =>
  text.length > QUOTE ? `${text.slice(0, QUOTE - 1).trimEnd()}…` : text;

/** The id of the top-level block a body suggestion starts in (null for field suggestions). */
export function blockOfSuggestion(
  editor: LexicalEditor | null,
  item: SuggestionItem,
): string | null {
  if (!editor || item.where !== 'body') return null;
  const first = (item as BodySuggestionItem).firstKey;
  return editor.getEditorState().read(() => {
    const top = $getNodeByKey(first)?.getTopLevelElement();
    return top ? $getBlockId(top) : null;
  });
}

/** The draft a reply starts from, and the handler the Suggestions list calls. */
export function useSuggestionReply(editor: LexicalEditor | null) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const reply = useCallback(
    (item: SuggestionItem) => {
      const text = t('suggestionList.replyDraft', {
        name: nameOf(item.author),
        kind: t(`suggestionList.kind.${item.kind}`),
        where: item.where === 'body' ? '' : ` (${t(`editor.${item.where}`, item.where)})`,
        text: quoteOf(item.text),
      });
      setDraft((d) => ({
        nonce: (d?.nonce ?? 0) + 1,
        text,
        blockId: blockOfSuggestion(editor, item),
      }));
    },
    [editor, nameOf, t],
  );
  return { draft, reply };
}

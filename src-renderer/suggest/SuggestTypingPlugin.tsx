/**
 * Suggestion mode in the body editor: while the article is in it (suggestMode.ts), edits become
 * suggestions by `suggestAs` (registerSuggestTyping.ts) and the body is marked as suggesting;
 * Ctrl/Cmd+Alt+S toggles it anywhere in the window. Suggestions are always shown in their
 * author's colour. `suggestAs` is null where the user may not suggest (not signed in, read
 * only): then the mode is never applied and the shortcut does nothing.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { isSuggestKey } from '../editor/shortcuts';
import { formatDateTime } from '../i18n/format';
import { registerSuggestTyping } from './registerSuggestTyping';
import { suggestContext } from './suggestEdits';
import { isSuggesting, useSuggesting, useSuggestModeStore } from './suggestMode';
import { registerSuggestionColours } from './suggestionColours';
import { useNameOf } from '../state/userNames';

export const SUGGESTING_CLASS = 'body--suggesting';

/** Flips suggestion mode for the article (the user's choice, kept over the default). */
export function toggleSuggesting(articleId: string): void {
  useSuggestModeStore.getState().choose(articleId, !isSuggesting(articleId));
}

export function SuggestTypingPlugin({
  articleId,
  suggestAs,
}: {
  articleId: string;
  suggestAs: string | null;
}) {
  const [editor] = useLexicalComposerContext();
  const { t, i18n } = useTranslation();
  const on = useSuggesting(articleId) && suggestAs !== null;

  useEffect(() => {
    if (!on || suggestAs === null) return;
    const offRoot = editor.registerRootListener((root, prev) => {
      prev?.classList.remove(SUGGESTING_CLASS);
      root?.classList.add(SUGGESTING_CLASS);
    });
    const offTyping = registerSuggestTyping(editor, suggestContext(suggestAs));
    return () => {
      offTyping();
      offRoot();
      editor.getRootElement()?.classList.remove(SUGGESTING_CLASS);
    };
  }, [editor, on, suggestAs]);

  useEffect(() => {
    if (suggestAs === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isSuggestKey(e)) return;
      e.preventDefault();
      toggleSuggesting(articleId);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [articleId, suggestAs]);

  const language = i18n.language;
  const nameOf = useNameOf();
  useEffect(
    () =>
      registerSuggestionColours(editor, (fields) => {
        const valid = !Number.isNaN(Date.parse(fields.at));
        const time = valid ? formatDateTime(fields.at, language) : '';
        const key = fields.kind === 'delete' ? 'suggestTyping.deletedBy' : 'suggestTyping.by';
        return t(key, { name: nameOf(fields.author), time });
      }),
    [editor, t, language, nameOf],
  );
  return null;
}

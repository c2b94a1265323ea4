/**
 * The suggestion-mode default for an open article: on for a desk chief on an article someone
 * else wrote, when the setting `suggestOnOthersArticles` is on. The user's toggle wins
 * (suggestMode.ts keeps a choice over later defaults).
 */
import { useEffect } from 'react';
import type { Settings } from '../../src-shared/api';
import type { CurrentUser } from '../review/useRole';
import { useSuggestModeStore } from './suggestMode';

export function suggestsByDefault(
  authorId: string | null,
  me: Pick<CurrentUser, 'chief' | 'id'>,
  settings: Pick<Settings, 'suggestOnOthersArticles'>,
): boolean {
  return (
    settings.suggestOnOthersArticles &&
    me.chief &&
    me.id !== null &&
    authorId !== null &&
    authorId !== me.id
  );
}

export function useSuggestDefault(
  article: { id: string; authorId: string | null },
  me: CurrentUser,
  settings: Settings,
): void {
  const setDefault = useSuggestModeStore((s) => s.setDefault);
  const on = suggestsByDefault(article.authorId, me, settings);
  useEffect(() => {
    if (me.known) setDefault(article.id, on);
  }, [setDefault, article.id, on, me.known]);
}

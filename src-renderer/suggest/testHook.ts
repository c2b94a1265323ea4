/**
 * A window hook the end-to-end tests use to switch suggestion mode for an article, the same as the
 * toolbar toggle does: `window.__copydeskSuggestMode(articleId, true)`. Harmless in the app: it
 * only makes the choice a user can make anyway.
 */
import { useSuggestModeStore } from './suggestMode';

(
  globalThis as { __copydeskSuggestMode?: (articleId: string, on: boolean) => void }
).__copydeskSuggestMode = (articleId, on) => useSuggestModeStore.getState().choose(articleId, on);

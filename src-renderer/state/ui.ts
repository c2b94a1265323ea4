import { create } from 'zustand';

export type View = 'articles' | 'images' | 'review' | 'settings';

/** UI navigation state only. Article documents never live here (the editor stays uncontrolled). */
interface UiState {
  view: View;
  openArticleId: string | null;
  query: string;
  /** The article just created: its editor puts the cursor in the headline once. */
  freshArticleId: string | null;
  /** Whether the editor's side panel (section, tags, links, …) is shown. */
  detailsOpen: boolean;
  setView: (view: View) => void;
  openArticle: (id: string | null) => void;
  setQuery: (query: string) => void;
  openNewArticle: (id: string) => void;
  setDetailsOpen: (open: boolean) => void;
}

/** The article a `#article=<id>` link opens at start (App keeps the hash in step afterwards). */
export function articleIdOfHash(hash: string): string | null {
  return /^#article=([0-9a-f-]{36})$/i.exec(hash)?.[1] ?? null;
}

/** Below this width the open details panel takes the canvas's place (styles.css, 1199px). */
export const NARROW_WINDOW = '(max-width: 1199px)';

export const useUi = create<UiState>((set) => ({
  view: 'articles',
  // Open from the first render on, so the editor mounts in the app's first render.
  openArticleId: articleIdOfHash(globalThis.location?.hash ?? ''),
  query: '',
  freshArticleId: null,
  // Beside the canvas on wide windows; on narrow ones it would cover the text, so it starts shut.
  detailsOpen: typeof window === 'undefined' || !window.matchMedia(NARROW_WINDOW).matches,
  setView: (view) => set({ view }),
  openArticle: (openArticleId) => set({ openArticleId, view: 'articles' }),
  setQuery: (query) => set({ query }),
  openNewArticle: (id) => set({ openArticleId: id, view: 'articles', freshArticleId: id }),
  setDetailsOpen: (detailsOpen) => set({ detailsOpen }),
}));

/**
 * The window became narrow with the details open (snapped to half a screen, say): they would
 * cover the text, so they close, and open again once the window is wide again. The user can
 * still open them while it is narrow. Returns the function that stops following.
 */
export function followWindowWidth(
  media: Pick<MediaQueryList, 'matches' | 'addEventListener' | 'removeEventListener'>,
): () => void {
  let reopen = false;
  const onChange = () => {
    const { detailsOpen, setDetailsOpen } = useUi.getState();
    if (media.matches) {
      reopen = detailsOpen;
      if (detailsOpen) setDetailsOpen(false);
    } else if (reopen) {
      reopen = false;
      setDetailsOpen(true);
    }
  };
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

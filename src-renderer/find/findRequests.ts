/**
 * Ctrl/Cmd+F and Ctrl/Cmd+H find in the open article wherever the focus is (the list, the
 * header), not only inside the editor. The open article's editor registers how to open its find
 * bar; the app-wide shortcuts ask it first and fall back to the list search when none is open.
 */
type FindOpener = (replace: boolean) => void;

let opener: FindOpener | null = null;

/** While the returned function has not been called, `open` answers the find keys. */
export function registerFindOpener(open: FindOpener): () => void {
  opener = open;
  return () => {
    if (opener === open) opener = null;
  };
}

/** Opens the open article's find bar (with replace); false when no article is open. */
export function openFindInArticle(replace: boolean): boolean {
  if (!opener) return false;
  opener(replace);
  return true;
}

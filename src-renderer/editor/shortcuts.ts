/**
 * The keyboard shortcuts of Copydesk in one place: the editor and the app match keys with these
 * functions, and the help overlay lists the same table.
 *
 * New article is Alt+N, not Ctrl+N: browsers reserve Ctrl/Cmd+N for a new window and never
 * pass it to a page, so Alt+N works in browser mode and in Electron alike. Keys are matched by
 * `code` (the physical key), so they work on German and other layouts.
 */
export const IS_MAC =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export type ShortcutId =
  | 'bold'
  | 'italic'
  | 'link'
  | 'h2'
  | 'h3'
  | 'paragraph'
  | 'undo'
  | 'redo'
  | 'plainPaste'
  | 'newArticle'
  | 'search'
  | 'listMove'
  | 'listDelete'
  | 'find'
  | 'replace'
  | 'suggest'
  | 'help';

interface KeyLike {
  code: string;
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Ctrl on Windows/Linux, Cmd on macOS. */
export function primary(e: KeyLike): boolean {
  return IS_MAC ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
}

const MOD = IS_MAC ? 'Cmd' : 'Ctrl';

/** What the help overlay shows, in order. */
export const SHORTCUT_TABLE: readonly { id: ShortcutId; keys: readonly string[] }[] = [
  { id: 'bold', keys: [`${MOD}+B`] },
  { id: 'italic', keys: [`${MOD}+I`] },
  { id: 'link', keys: [`${MOD}+K`] },
  { id: 'h2', keys: [`${MOD}+Alt+2`] },
  { id: 'h3', keys: [`${MOD}+Alt+3`] },
  { id: 'paragraph', keys: [`${MOD}+Alt+0`] },
  { id: 'undo', keys: [`${MOD}+Z`] },
  { id: 'redo', keys: [IS_MAC ? 'Cmd+Shift+Z' : 'Ctrl+Y', `${MOD}+Shift+Z`] },
  { id: 'plainPaste', keys: [`${MOD}+Shift+V`] },
  { id: 'newArticle', keys: ['Alt+N'] },
  { id: 'find', keys: [`${MOD}+F`] },
  { id: 'replace', keys: [`${MOD}+H`] },
  { id: 'suggest', keys: [`${MOD}+Alt+S`] },
  { id: 'search', keys: [`${MOD}+Shift+F`, '/'] },
  { id: 'listMove', keys: ['↑', '↓', 'PageUp', 'PageDown', 'Home', 'End'] },
  { id: 'listDelete', keys: ['Delete'] },
  { id: 'help', keys: ['F1', '?'] },
];

export const isLinkKey = (e: KeyLike): boolean =>
  primary(e) && !e.altKey && !e.shiftKey && e.code === 'KeyK';
export const isPlainPasteKey = (e: KeyLike): boolean =>
  primary(e) && !e.altKey && e.shiftKey && e.code === 'KeyV';

/** Ctrl/Cmd+Alt+2 → 'h2', +3 → 'h3', +0 → 'paragraph'. */
export function blockShortcut(e: KeyLike): 'h2' | 'h3' | 'paragraph' | null {
  if (!primary(e) || !e.altKey || e.shiftKey) return null;
  if (e.code === 'Digit2' || e.code === 'Numpad2') return 'h2';
  if (e.code === 'Digit3' || e.code === 'Numpad3') return 'h3';
  if (e.code === 'Digit0' || e.code === 'Numpad0') return 'paragraph';
  return null;
}

export const isNewArticleKey = (e: KeyLike): boolean =>
  e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyN';

/** Ctrl/Cmd+F: find in the open article (the list search when none is open). */
export const isFindKey = (e: KeyLike): boolean =>
  primary(e) && !e.altKey && !e.shiftKey && e.code === 'KeyF';
/** Ctrl/Cmd+H: find and replace in the open article. */
export const isReplaceKey = (e: KeyLike): boolean =>
  primary(e) && !e.altKey && !e.shiftKey && e.code === 'KeyH';

/** Ctrl/Cmd+Alt+S: suggestion mode on or off for the open article. */
export const isSuggestKey = (e: KeyLike): boolean =>
  primary(e) && e.altKey && !e.shiftKey && e.code === 'KeyS';

/** The article-list search: Ctrl/Cmd+Shift+F anywhere; "/" only outside text fields (`inText`). */
export const isSearchKey = (e: KeyLike, inText: boolean): boolean =>
  (primary(e) && !e.altKey && e.shiftKey && e.code === 'KeyF') ||
  (!inText && e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey);

/** F1 anywhere; "?" only outside text fields. */
export const isHelpKey = (e: KeyLike, inText: boolean): boolean =>
  (e.key === 'F1' && !e.ctrlKey && !e.metaKey && !e.altKey) ||
  (!inText && e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey);

/** True when keys typed into `target` are text (inputs, textareas, the body editor). */
export function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
  }
  return false;
}

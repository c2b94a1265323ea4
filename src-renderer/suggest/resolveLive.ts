/**
 * Accept or reject suggestions in the live editor, as one Lexical update (so one undo step).
 * The result equals the pure `resolveSuggestions` on the body's JSON (src-shared/richtext/
 * suggestions.ts): an accepted insertion or a rejected deletion becomes plain text (format kept;
 * Lexical's normalisation joins it with equal neighbours), an accepted deletion or a rejected
 * insertion goes, and a container emptied by that goes too.
 */
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $isSuggestionNode, type SuggestionNode } from '../../src-shared/richtext/suggestionNode';
import type { SuggestionFields } from '../../src-shared/richtext/suggestionFields';
import type { SuggestionAction, SuggestionSelector } from '../../src-shared/richtext/suggestions';

/** A Lexical update tag so listeners can tell a resolve from typing. */
export const RESOLVE_SUGGESTIONS_TAG = 'copydesk-resolve-suggestions';

export function selectorMatches(selector: SuggestionSelector): (s: SuggestionFields) => boolean {
  if ('all' in selector && selector.all === true) return () => true;
  if ('ids' in selector && Array.isArray(selector.ids)) {
    const ids = new Set(selector.ids);
    return (s) => ids.has(s.id);
  }
  if ('author' in selector && typeof selector.author === 'string' && selector.author !== '') {
    const author = selector.author;
    return (s) => s.author === author;
  }
  throw new Error('Choose suggestions by ids, by author or all.');
}

/** Resolves inside an active update (`editor.update`); returns how many nodes it touched. */
export function $resolveSuggestions(
  selector: SuggestionSelector,
  action: SuggestionAction,
): number {
  if (action !== 'accept' && action !== 'reject') {
    throw new Error(`Unknown suggestion action ${JSON.stringify(action)}: use accept or reject.`);
  }
  const matches = selectorMatches(selector);
  const keep = action === 'accept' ? 'insert' : 'delete';
  const selected: SuggestionNode[] = [];
  const collect = (node: LexicalNode): void => {
    if ($isSuggestionNode(node)) {
      if (matches(node.getSuggestion())) selected.push(node);
      return;
    }
    if ($isElementNode(node)) for (const child of node.getChildren()) collect(child);
  };
  collect($getRoot());
  const parents = new Set<ElementNode>();
  for (const node of selected) {
    const parent = node.getParent();
    if (parent) parents.add(parent);
    if (node.getSuggestion().kind === keep) {
      const plain = $createTextNode(node.getTextContent());
      plain.setFormat(node.getFormat());
      plain.setStyle(node.getStyle());
      plain.setDetail(node.getDetail());
      node.replace(plain);
    } else {
      // Keep the parent even when emptied: emptied containers are judged below, like the JSON.
      node.remove(true);
    }
  }
  for (const parent of parents) removeIfEmptied(parent);
  // The editor needs a block to type in; the JSON form leaves an emptied root without one.
  const root = $getRoot();
  if (selected.length > 0 && root.getChildrenSize() === 0) root.append($createParagraphNode());
  return selected.length;
}

/** A container emptied by resolving goes, and so may its own container (never the root). */
function removeIfEmptied(node: ElementNode): void {
  let current: ElementNode | null = node;
  while (current && current.isAttached() && current.getChildrenSize() === 0) {
    const parent: ElementNode | null = current.getParent();
    if (!parent) return; // the root stays
    current.remove(true);
    current = parent;
  }
}

/** One undo step: runs the resolve as its own update (a history entry of its own). */
export function resolveInEditor(
  editor: LexicalEditor,
  selector: SuggestionSelector,
  action: SuggestionAction,
): void {
  editor.update(() => void $resolveSuggestions(selector, action), {
    tag: RESOLVE_SUGGESTIONS_TAG,
    discrete: true,
  });
}

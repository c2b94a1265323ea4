/**
 * The open suggestions of the live body, for the Suggestions list: read after the editor settles
 * (a debounce, then an idle moment), never synchronously per keystroke, so typing in the
 * 1,000-paragraph article is not slowed by the walk; a decision or its undo is read at once. Items are generic (`SuggestionItem`), so
 * field suggestions (kicker, headline, teaser) join the same list.
 */
import { useEffect, useState } from 'react';
import {
  $createRangeSelection,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $setSelection,
  HISTORIC_TAG,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $isSuggestionNode } from '../../src-shared/richtext/suggestionNode';
import type { SuggestionKind } from '../../src-shared/richtext/suggestionFields';
import { RESOLVE_SUGGESTIONS_TAG } from './resolveLive';

/** One open suggestion as the list shows it, wherever it is. */
export interface SuggestionItem {
  /** Unique in the list: the body uses the suggestion id, fields `<field>:<id>`. */
  key: string;
  id: string;
  kind: SuggestionKind;
  /** Username of who suggested it. */
  author: string;
  at: string;
  /** The suggested text (all its parts, in order). */
  text: string;
  /** 'body', or the field it is in. */
  where: string;
}

/** A body suggestion with the editor nodes it starts and ends in (to select it). */
export interface BodySuggestionItem extends SuggestionItem {
  where: 'body';
  firstKey: string;
  lastKey: string;
}

/** The body's suggestions in document order, one item per id (inside a read or update). */
export function $listBodySuggestions(): BodySuggestionItem[] {
  const byId = new Map<string, BodySuggestionItem>();
  const visit = (node: LexicalNode): void => {
    if ($isSuggestionNode(node)) {
      const s = node.getSuggestion();
      const seen = byId.get(s.id);
      if (seen) {
        seen.text += node.getTextContent();
        seen.lastKey = node.getKey();
      } else {
        byId.set(s.id, {
          key: s.id,
          ...s,
          text: node.getTextContent(),
          where: 'body',
          firstKey: node.getKey(),
          lastKey: node.getKey(),
        });
      }
      return;
    }
    if ($isElementNode(node)) for (const child of node.getChildren()) visit(child);
  };
  visit($getRoot());
  return [...byId.values()];
}

const IDLE_TIMEOUT_MS = 1000;

function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(run, 0);
  return () => clearTimeout(timer);
}

const sameItems = (a: readonly BodySuggestionItem[], b: readonly BodySuggestionItem[]) =>
  a.length === b.length && a.every((x, i) => JSON.stringify(x) === JSON.stringify(b[i]));

/**
 * Reports the live body's open suggestions: once at the start, then `delayMs` after the last
 * change, in an idle moment. A decision (accept, reject) or an undo or redo of one is reported
 * at once: the list must not offer, for a second, a suggestion that is already decided.
 */
export function watchBodySuggestions(
  editor: LexicalEditor,
  onItems: (items: BodySuggestionItem[]) => void,
  delayMs: number,
): () => void {
  let cancelIdle: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const read = () => {
    cancelIdle = null;
    onItems(editor.getEditorState().read($listBodySuggestions, { editor }));
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      cancelIdle?.();
      cancelIdle = whenIdle(read);
    }, delayMs);
  };
  cancelIdle = whenIdle(read);
  const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
    if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
    if (tags.has(RESOLVE_SUGGESTIONS_TAG) || tags.has(HISTORIC_TAG)) {
      clearTimeout(timer);
      cancelIdle?.();
      read();
      return;
    }
    schedule();
  });
  return () => {
    off();
    clearTimeout(timer);
    cancelIdle?.();
  };
}

/** The live body's open suggestions (see watchBodySuggestions). */
export function useBodySuggestions(
  editor: LexicalEditor | null,
  delayMs = 300,
): BodySuggestionItem[] {
  const [items, setItems] = useState<BodySuggestionItem[]>([]);
  useEffect(() => {
    if (!editor) return;
    return watchBodySuggestions(
      editor,
      (next) => setItems((prev) => (sameItems(prev, next) ? prev : next)),
      delayMs,
    );
  }, [editor, delayMs]);
  return items;
}

/** Selects a body suggestion's text and scrolls it into the middle of the view. */
export function showBodySuggestion(editor: LexicalEditor, item: BodySuggestionItem): void {
  editor.update(
    () => {
      const first = $getNodeByKey(item.firstKey);
      const last = $getNodeByKey(item.lastKey);
      if (!first || !last) return;
      const selection = $createRangeSelection();
      selection.anchor.set(first.getKey(), 0, 'text');
      selection.focus.set(last.getKey(), last.getTextContentSize(), 'text');
      $setSelection(selection);
    },
    {
      onUpdate: () => {
        editor.getElementByKey(item.firstKey)?.scrollIntoView({ block: 'center' });
        editor.focus();
      },
    },
  );
}

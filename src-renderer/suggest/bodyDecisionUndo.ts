/**
 * Undo (Ctrl+Z) and redo of a decision on body suggestions in the live editor. The decision is
 * one step of the editor's history (resolveLive.ts); its record for the timeline was queued
 * separately. This watches the history's steps: when one brings back every suggestion a decision
 * resolved, the decision was undone; when a later step resolves them all again, it was redone.
 * Either is reported, so the timeline records it and never claims a decision that was taken back.
 */
import {
  $getRoot,
  $isElementNode,
  HISTORIC_TAG,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $isSuggestionNode } from '../../src-shared/richtext/suggestionNode';

export interface TrackedDecision<R> {
  /** The ids of the body suggestions the decision resolved. */
  ids: readonly string[];
  /** What the caller records of it (decisionRecord). */
  record: R;
}

/** How many past decisions are watched; older ones are too far back in the history to matter. */
const MAX_TRACKED = 50;

function $suggestionIds(): Set<string> {
  const ids = new Set<string>();
  const visit = (node: LexicalNode): void => {
    if ($isSuggestionNode(node)) ids.add(node.getSuggestion().id);
    else if ($isElementNode(node)) for (const child of node.getChildren()) visit(child);
  };
  visit($getRoot());
  return ids;
}

export function watchBodyDecisions<R>(
  editor: LexicalEditor,
  onChange: (decision: TrackedDecision<R>, undone: boolean) => void,
): { track(decision: TrackedDecision<R>): void; dispose(): void } {
  const tracked: { decision: TrackedDecision<R>; undone: boolean }[] = [];
  const off = editor.registerUpdateListener(({ editorState, tags }) => {
    if (tracked.length === 0 || !tags.has(HISTORIC_TAG)) return;
    const present = editorState.read($suggestionIds);
    for (const t of tracked) {
      if (!t.undone && t.decision.ids.every((id) => present.has(id))) {
        t.undone = true;
        onChange(t.decision, true);
      } else if (t.undone && t.decision.ids.every((id) => !present.has(id))) {
        t.undone = false;
        onChange(t.decision, false);
      }
    }
  });
  return {
    track(decision) {
      if (decision.ids.length === 0) return;
      tracked.push({ decision, undone: false });
      if (tracked.length > MAX_TRACKED) tracked.shift();
    },
    dispose: off,
  };
}

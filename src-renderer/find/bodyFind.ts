/**
 * Find and replace over the Lexical body. Matches are found per text node (a term split by a
 * format change, half bold, is not found); they are shown with the CSS Custom Highlight API, so
 * finding never changes the document. Replacing is one editor update: one undo step.
 */
import { $getNodeByKey, $getRoot, $isTextNode, type LexicalEditor } from 'lexical';
import { type FindOptions, findMatches, replaceMatches, type TextMatch } from './matches';

export const FIND_HIGHLIGHT = 'copydesk-find';
export const FIND_CURRENT_HIGHLIGHT = 'copydesk-find-current';

export interface BodyMatch extends TextMatch {
  /** The Lexical key of the text node. */
  key: string;
}

export function findInBody(
  editor: LexicalEditor,
  query: string,
  options: FindOptions,
): BodyMatch[] {
  if (query === '') return [];
  return editor.getEditorState().read(() => {
    const out: BodyMatch[] = [];
    for (const node of $getRoot().getAllTextNodes()) {
      for (const m of findMatches(node.getTextContent(), query, options))
        out.push({ key: node.getKey(), ...m });
    }
    return out;
  });
}

function domRange(editor: LexicalEditor, match: BodyMatch): Range | null {
  const text = editor.getElementByKey(match.key)?.firstChild;
  if (!(text instanceof Text) || text.length < match.end) return null;
  const r = new Range();
  r.setStart(text, match.start);
  r.setEnd(text, match.end);
  return r;
}

/** Shows `matches` (and `current` apart); returns the current match's range for scrolling. */
export function showMatches(
  editor: LexicalEditor,
  matches: readonly BodyMatch[],
  current: number,
): Range | null {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return null;
  const all = new Highlight();
  const active = new Highlight();
  let currentRange: Range | null = null;
  matches.forEach((m, i) => {
    const r = domRange(editor, m);
    if (!r) return;
    if (i === current) {
      active.add(r);
      currentRange = r;
    } else all.add(r);
  });
  CSS.highlights.set(FIND_HIGHLIGHT, all);
  CSS.highlights.set(FIND_CURRENT_HIGHLIGHT, active);
  return currentRange;
}

export function clearMatches(): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  CSS.highlights.delete(FIND_HIGHLIGHT);
  CSS.highlights.delete(FIND_CURRENT_HIGHLIGHT);
}

/** Replaces `matches` (found by findInBody, still current) in one update; returns how many. */
export function replaceInBody(
  editor: LexicalEditor,
  matches: readonly BodyMatch[],
  replacement: string,
): number {
  if (matches.length === 0) return 0;
  const byNode = new Map<string, TextMatch[]>();
  for (const m of matches) byNode.set(m.key, [...(byNode.get(m.key) ?? []), m]);
  let count = 0;
  editor.update(
    () => {
      for (const [key, ms] of byNode) {
        const node = $getNodeByKey(key);
        if (!$isTextNode(node)) continue;
        node.setTextContent(replaceMatches(node.getTextContent(), ms, replacement));
        count += ms.length;
      }
    },
    { discrete: true },
  );
  return count;
}

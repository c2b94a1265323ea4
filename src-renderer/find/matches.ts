/** Where a search term occurs in a piece of text, with the find bar's options. */

export interface FindOptions {
  caseSensitive: boolean;
  wholeWord: boolean;
}

export interface TextMatch {
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Non-overlapping matches of `query` in `text`, left to right; none for an empty query. */
export function findMatches(text: string, query: string, options: FindOptions): TextMatch[] {
  if (query === '') return [];
  const pattern = new RegExp(escapeRegExp(query), options.caseSensitive ? 'gu' : 'giu');
  const out: TextMatch[] = [];
  for (const m of text.matchAll(pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    if (options.wholeWord) {
      const before = text[start - 1];
      const after = text[end];
      if ((before && WORD_CHAR.test(before)) || (after && WORD_CHAR.test(after))) continue;
    }
    out.push({ start, end });
  }
  return out;
}

/** `text` with every match replaced (right to left, so earlier offsets stay valid). */
export function replaceMatches(
  text: string,
  matches: readonly TextMatch[],
  replacement: string,
): string {
  let out = text;
  for (let i = matches.length - 1; i >= 0; i--) {
    const m = matches[i]!;
    out = out.slice(0, m.start) + replacement + out.slice(m.end);
  }
  return out;
}

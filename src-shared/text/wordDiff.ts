/**
 * Word-by-word differences between two texts, for the revision compare and the conflict panels.
 *
 * Texts are split into words (letters, combining marks and digits, with inner apostrophes),
 * runs of white space and single other characters (punctuation), so "Straße," → "Straßen,"
 * marks only the word. Long articles are compared block by block first (node-diff3 over whole
 * paragraphs, which is cheap when most of them are unchanged) and word by word only inside the
 * blocks that changed.
 */
import { diffComm } from 'node-diff3';

export type DiffKind = 'same' | 'ins' | 'del';
export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/** A block of the compared body: unchanged, only on one side, or changed (with word parts). */
export interface DiffBlock {
  kind: DiffKind | 'changed';
  parts: DiffPart[];
}

/** Above this many tokens on a side, a block pair is shown as deleted + inserted whole. */
export const MAX_WORD_DIFF_TOKENS = 20_000;

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|\s+|[^\s\p{L}\p{M}\p{N}]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const isSpace = (s: string) => /^\s+$/.test(s);

function push(out: DiffPart[], kind: DiffKind, text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.kind === kind) last.text += text;
  else out.push({ kind, text });
}

/**
 * The parts that turn `before` into `after`. Within a run of changes, deletions come before
 * insertions, and white space between two changed words belongs to the change ("a b" → "x y"
 * is one deletion and one insertion, not four pieces).
 */
export function diffWords(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  const a = tokenize(before);
  const b = tokenize(after);
  if (a.length > MAX_WORD_DIFF_TOKENS || b.length > MAX_WORD_DIFF_TOKENS) {
    const out: DiffPart[] = [];
    push(out, 'del', before);
    push(out, 'ins', after);
    return out;
  }
  const comm = diffComm(a, b);
  const out: DiffPart[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    push(out, 'del', del);
    push(out, 'ins', ins);
    del = ins = '';
  };
  comm.forEach((c, i) => {
    if (c.common) {
      const text = c.common.join('');
      const between = (del || ins) && i < comm.length - 1;
      if (between && isSpace(text)) {
        del += text;
        ins += text;
        return;
      }
      flush();
      push(out, 'same', text);
    } else {
      del += c.buffer1.join('');
      ins += c.buffer2.join('');
    }
  });
  flush();
  return out;
}

/**
 * Compares two bodies given as their blocks' texts: unchanged blocks once, removed and added
 * blocks whole, and blocks replaced one by one word by word.
 */
export function diffBlocks(before: readonly string[], after: readonly string[]): DiffBlock[] {
  const out: DiffBlock[] = [];
  for (const c of diffComm([...before], [...after])) {
    if (c.common) {
      for (const text of c.common) out.push({ kind: 'same', parts: [{ kind: 'same', text }] });
      continue;
    }
    const n = Math.max(c.buffer1.length, c.buffer2.length);
    for (let i = 0; i < n; i++) {
      const from = c.buffer1[i];
      const to = c.buffer2[i];
      if (from === undefined) out.push({ kind: 'ins', parts: [{ kind: 'ins', text: to! }] });
      else if (to === undefined) out.push({ kind: 'del', parts: [{ kind: 'del', text: from }] });
      else out.push({ kind: 'changed', parts: diffWords(from, to) });
    }
  }
  return out;
}

/** Whether a diff shows any change. */
export function hasChanges(parts: readonly { kind: string }[]): boolean {
  return parts.some((p) => p.kind !== 'same');
}

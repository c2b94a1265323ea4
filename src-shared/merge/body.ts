/**
 * Three-way merge of article bodies at block level (docs/sync.md).
 *
 * A body is Lexical JSON; its blocks are the children of `root`. Each block is identified by its
 * stable `blockId` (NodeState `$.blockId`, or a flat `blockId`); a block without one is identified
 * by its content. diff3 (node-diff3) runs over the three block-id sequences, and block contents
 * are compared by canonical JSON of their canonical form: without the properties at Lexical's
 * defaults (richtext/lexicalDefaults.ts), so the editor's fully exported JSON and the compact JSON
 * of the CLI, imports and builders are the same content, not an edit. The merged body keeps each
 * block as the chosen side wrote it.
 *
 * - changed on one side only → take it; changed identically → take it;
 * - changed differently on both sides → conflict region; the merged body keeps `theirs` (the
 *   server's version) and the record keeps both versions — never a word-level blend;
 * - deleted on one side, edited on the other → conflict region; the merged body keeps the edit;
 * - both sides inserted or reordered at the same place → conflict region; the merged body keeps
 *   `theirs`' sequence and the record keeps `mine`'s blocks;
 * - more blocks than `maxBlocks` (bounded work) → one whole-body conflict, merged = theirs.
 *
 * "mine" is the incoming edit (the client's body on the server; the local pending body on a
 * client rebase); "theirs" is the current authoritative body.
 */
import { diff3Merge } from 'node-diff3';
import { withoutLexicalDefaults } from '../richtext/lexicalDefaults';
import { canonicalJson } from './canonical';

export type Block = Record<string, unknown>;

export interface BodyLike {
  root: { children: unknown[] } & Record<string, unknown>;
}

export type BodyConflictKind = 'both_changed' | 'delete_edit' | 'order' | 'whole_body';

export interface BodyConflictRegion {
  kind: BodyConflictKind;
  /** Block ids concerned (content keys `h:…` for blocks without an id). */
  blockIds: string[];
  base: Block[];
  mine: Block[];
  theirs: Block[];
  /** Which side's version the merged body contains. */
  kept: 'mine' | 'theirs';
}

export interface BodyMergeResult<B extends BodyLike> {
  body: B;
  conflicts: BodyConflictRegion[];
  clean: boolean;
  /** True when the bounded merge gave up and reported the whole body as one conflict. */
  fallback: boolean;
}

export interface BodyMergeOptions {
  /** Upper bound on base + mine + theirs blocks before falling back (default 3000). */
  maxBlocks?: number;
}

function isBlock(v: unknown): v is Block {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The stable id of a block, if it has one. */
export function blockIdOf(block: unknown): string | undefined {
  if (!isBlock(block)) return undefined;
  const state = block.$;
  if (isBlock(state) && typeof state.blockId === 'string' && state.blockId !== '') {
    return state.blockId;
  }
  if (typeof block.blockId === 'string' && block.blockId !== '') return block.blockId;
  return undefined;
}

interface Keyed {
  keys: string[];
  blocks: Map<string, Block>;
  content: Map<string, string>;
}

/** The content key of a block: canonical JSON without Lexical's defaults (see the header). */
export function blockContentKey(block: unknown): string {
  return canonicalJson(withoutLexicalDefaults(block));
}

/** Keys of a body's blocks: the block id, or the content; duplicates get `#n` suffixes. */
export function keyBlocks(children: readonly unknown[]): Keyed {
  const keys: string[] = [];
  const blocks = new Map<string, Block>();
  const content = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const child of children) {
    const block: Block = isBlock(child) ? child : { value: child };
    const c = blockContentKey(block);
    const id = blockIdOf(block);
    const raw = id !== undefined ? id : `h:${c}`;
    const n = seen.get(raw) ?? 0;
    seen.set(raw, n + 1);
    const key = n === 0 ? raw : `${raw}#${n}`;
    keys.push(key);
    blocks.set(key, block);
    content.set(key, c);
  }
  return { keys, blocks, content };
}

function withoutChildren(root: Record<string, unknown>): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(root)) if (k !== 'children') rest[k] = v;
  return rest;
}

/** Root attributes compared like blocks: without Lexical's defaults for `root`. */
const rootKey = (attrs: Record<string, unknown>): string =>
  blockContentKey({ type: 'root', ...attrs });

function assemble<B extends BodyLike>(mine: B, base: BodyLike, theirs: B, children: Block[]): B {
  // Root attributes (direction, format…): take mine only if theirs left them unchanged.
  const baseAttrs = rootKey(withoutChildren(base.root));
  const mineAttrs = withoutChildren(mine.root);
  const theirsAttrs = withoutChildren(theirs.root);
  const attrs =
    rootKey(theirsAttrs) === baseAttrs && rootKey(mineAttrs) !== baseAttrs
      ? mineAttrs
      : theirsAttrs;
  return { ...theirs, root: { ...attrs, children } };
}

export function mergeBodies<B extends BodyLike>(
  base: BodyLike,
  mine: B,
  theirs: B,
  options: BodyMergeOptions = {},
): BodyMergeResult<B> {
  const maxBlocks = options.maxBlocks ?? 3000;
  const baseChildren = Array.isArray(base.root.children) ? base.root.children : [];
  const total = baseChildren.length + mine.root.children.length + theirs.root.children.length;
  if (total > maxBlocks) return wholeBodyConflict(base, mine, theirs);

  const A = keyBlocks(baseChildren);
  const M = keyBlocks(mine.root.children);
  const T = keyBlocks(theirs.root.children);
  const conflicts: BodyConflictRegion[] = [];
  const out: { key: string; block: Block }[] = [];
  const inOut = new Set<string>();
  const pick = (keys: readonly string[], from: Keyed): Block[] =>
    keys.flatMap((k) => {
      const b = from.blocks.get(k);
      return b ? [b] : [];
    });

  /** The content of one block present in the merged sequence, decided three-way. */
  const resolve = (key: string): Block => {
    const m = M.blocks.get(key);
    const t = T.blocks.get(key);
    if (m && t) {
      const cm = M.content.get(key);
      const ct = T.content.get(key);
      const ca = A.content.get(key);
      if (cm === ct) return t;
      if (ca !== undefined && cm === ca) return t;
      if (ca !== undefined && ct === ca) return m;
      conflicts.push({
        kind: 'both_changed',
        blockIds: [key],
        base: pick([key], A),
        mine: [m],
        theirs: [t],
        kept: 'theirs',
      });
      return t;
    }
    return (t ?? m) as Block;
  };

  const emit = (key: string): void => {
    if (inOut.has(key)) {
      // Moved to different places on both sides: keep the first place, say so.
      conflicts.push({
        kind: 'order',
        blockIds: [key],
        base: pick([key], A),
        mine: pick([key], M),
        theirs: pick([key], T),
        kept: 'theirs',
      });
      return;
    }
    inOut.add(key);
    out.push({ key, block: resolve(key) });
  };

  for (const region of diff3Merge(M.keys, A.keys, T.keys)) {
    if (region.ok) {
      for (const key of region.ok) emit(key);
    } else if (region.conflict) {
      const { a, o, b } = region.conflict;
      for (const key of b) emit(key);
      conflicts.push({
        kind: 'order',
        blockIds: [...new Set([...a, ...o, ...b])],
        base: pick(o, A),
        mine: pick(a, M),
        theirs: pick(b, T),
        kept: 'theirs',
      });
    }
  }

  // Delete vs edit: a base block missing from the result but edited on one side comes back.
  for (const key of A.keys) {
    if (inOut.has(key)) continue;
    const ca = A.content.get(key);
    const editedMine = M.blocks.has(key) && M.content.get(key) !== ca;
    const editedTheirs = T.blocks.has(key) && T.content.get(key) !== ca;
    if (!editedMine && !editedTheirs) continue;
    const side = editedTheirs ? T : M;
    const block = side.blocks.get(key) as Block;
    const idx = side.keys.indexOf(key);
    let at = 0;
    for (let i = idx - 1; i >= 0; i--) {
      const prev = side.keys[i] as string;
      const pos = out.findIndex((e) => e.key === prev);
      if (pos >= 0) {
        at = pos + 1;
        break;
      }
    }
    out.splice(at, 0, { key, block });
    inOut.add(key);
    conflicts.push({
      kind: 'delete_edit',
      blockIds: [key],
      base: pick([key], A),
      mine: pick([key], M),
      theirs: pick([key], T),
      kept: editedTheirs ? 'theirs' : 'mine',
    });
  }

  return {
    body: assemble(
      mine,
      base,
      theirs,
      out.map((e) => e.block),
    ),
    conflicts,
    clean: conflicts.length === 0,
    fallback: false,
  };
}

function wholeBodyConflict<B extends BodyLike>(
  base: BodyLike,
  mine: B,
  theirs: B,
): BodyMergeResult<B> {
  const blocks = (children: readonly unknown[]): Block[] =>
    children.map((c) => (isBlock(c) ? c : { value: c }));
  return {
    body: theirs,
    conflicts: [
      {
        kind: 'whole_body',
        blockIds: [],
        base: blocks(Array.isArray(base.root.children) ? base.root.children : []),
        mine: blocks(mine.root.children),
        theirs: blocks(theirs.root.children),
        kept: 'theirs',
      },
    ],
    clean: false,
    fallback: true,
  };
}

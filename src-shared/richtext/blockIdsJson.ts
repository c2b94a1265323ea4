/**
 * Block ids at the JSON level, without Lexical (core, server, sync merge, imports): the same
 * rules as blockIds.ts — ids under `"$": {"blockId"}` on every top-level block and on every
 * list item of a top-level list — plus the per-block content hash the merge compares.
 */
import { canonicalJson, fnv1a64 } from './hash';
import { withoutLexicalDefaults } from './lexicalDefaults';

const BLOCK_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function isValidBlockId(value: unknown): value is string {
  return typeof value === 'string' && BLOCK_ID_PATTERN.test(value);
}

/** 16 random base-62 characters (~95 bits). */
export function newBlockId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += ID_ALPHABET.charAt(byte % 62);
  return id;
}

export function uniqueId(taken: Map<string, unknown>, makeId: () => string): string {
  for (;;) {
    const id = makeId();
    if (isValidBlockId(id) && !taken.has(id)) return id;
  }
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function idOf(node: JsonObject): string {
  const state = node.$;
  return isObject(state) && isValidBlockId(state.blockId) ? state.blockId : '';
}

/**
 * Returns a copy of `body` in which every top-level block and list item has a valid, unique
 * `"$": {"blockId"}`: missing or malformed ids and later duplicates (document order) get fresh
 * ids. The input is not modified; unchanged subtrees are shared with it.
 */
export function ensureBlockIdsJson<T>(body: T, makeId: () => string = newBlockId): T {
  if (!isObject(body) || !isObject(body.root) || !Array.isArray(body.root.children)) return body;
  const taken = new Map<string, true>();

  const withId = (node: JsonObject): JsonObject => {
    const id = idOf(node);
    if (id && !taken.has(id)) {
      taken.set(id, true);
      return node;
    }
    const fresh = uniqueId(taken, makeId);
    taken.set(fresh, true);
    return { ...node, $: { ...(isObject(node.$) ? node.$ : {}), blockId: fresh } };
  };
  const listItems = (list: JsonObject): JsonObject => {
    if (!Array.isArray(list.children)) return list;
    const children = (list.children as unknown[]).map((item) => {
      if (!isObject(item) || item.type !== 'listitem') return item;
      const next = withId(item);
      if (!Array.isArray(next.children)) return next;
      const nested = (next.children as unknown[]).map((c) =>
        isObject(c) && c.type === 'list' ? listItems(c) : c,
      );
      return { ...next, children: nested };
    });
    return { ...list, children };
  };

  const children = (body.root.children as unknown[]).map((block) => {
    if (!isObject(block)) return block;
    const next = withId(block);
    return next.type === 'list' ? listItems(next) : next;
  });
  const copy: JsonObject = { ...body, root: { ...body.root, children } };
  return copy as T;
}

export interface BlockIdHash {
  id: string;
  hash: string;
}

/**
 * The id and a content hash of each top-level block, in order. The hash covers the block's
 * canonical JSON without any `blockId` (its own or its list items') and without properties at
 * Lexical's defaults (lexicalDefaults.ts), so it changes exactly when the content does: the
 * editor's full export and the compact form of the same block hash alike. Hashes are computed
 * when needed and never stored, so this form may change between versions. Blocks without an id
 * report `id: ''`.
 */
export function blockIdsOf(body: unknown): BlockIdHash[] {
  const root = isObject(body) ? body.root : undefined;
  if (!isObject(root) || !Array.isArray(root.children)) return [];
  return root.children.map((block) => ({
    id: isObject(block) ? idOf(block) : '',
    hash: fnv1a64(canonicalJson(withoutBlockIds(withoutLexicalDefaults(block)))),
  }));
}

function withoutBlockIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutBlockIds);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$' && isObject(child)) {
      const { blockId: _ignored, ...rest } = child;
      if (Object.keys(rest).length > 0) out.$ = rest;
    } else {
      out[key] = withoutBlockIds(child);
    }
  }
  return out;
}

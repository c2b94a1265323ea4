/**
 * The checks a stored body passes before Lexical sees it:
 * size, depth, known node types and which node may contain which. Lexical itself would throw on
 * an unknown type with a less helpful message, and recurses without a depth limit.
 */
import type { ParsableSerializedEditorState } from 'lexical';
import { ARTICLE_NODE_TYPES, BLOCK_TYPES, INLINE_TYPES } from './nodes';
import { SUGGESTION_TYPE, suggestionFieldsProblem } from './suggestionFields';

export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Nesting of nodes (root = 1). Real articles stay below ~10 (nested lists). */
export const MAX_NODE_DEPTH = 64;
/** Nesting of plain JSON values inside one node, e.g. NodeState under "$". */
const MAX_VALUE_DEPTH = 8;

export type BodyErrorCode = 'unknown_node' | 'too_large' | 'too_deep' | 'invalid';

export class BodyError extends Error {
  override readonly name = 'BodyError';
  constructor(
    readonly code: BodyErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const LEAF = new Set(['text', 'suggestion', 'tab', 'linebreak', 'article-image']);
const ALLOWED_CHILDREN: Readonly<Record<string, ReadonlySet<string>>> = {
  root: BLOCK_TYPES,
  paragraph: INLINE_TYPES,
  heading: INLINE_TYPES,
  quote: new Set([...INLINE_TYPES, 'paragraph', 'heading', 'list']),
  list: new Set(['listitem']),
  listitem: new Set([...INLINE_TYPES, 'list']),
  link: new Set(['text', 'suggestion', 'tab', 'linebreak']),
  autolink: new Set(['text', 'suggestion', 'tab', 'linebreak']),
};

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A type name as it may appear in an error message: quoted and short. */
const show = (value: unknown): string => JSON.stringify(String(value).slice(0, 40));

/**
 * Checks a body (a JSON string or the parsed object) and returns the object to hand to
 * `editor.parseEditorState`. Throws `BodyError` on anything outside the article schema.
 */
export function checkBodyEnvelope(input: unknown): ParsableSerializedEditorState {
  let body = input;
  if (typeof input === 'string') {
    checkSize(input);
    try {
      body = JSON.parse(input);
    } catch {
      throw new BodyError('invalid', 'The body is not valid JSON.');
    }
  }
  if (!isObject(body) || !isObject(body.root)) {
    throw new BodyError('invalid', 'The body must be an object with a "root" node.');
  }
  checkNodes(body.root);
  if (typeof input !== 'string') checkSize(JSON.stringify(body.root));
  return { root: body.root as ParsableSerializedEditorState['root'] };
}

function checkSize(json: string): void {
  // A UTF-16 code unit is at most 3 bytes of UTF-8: short JSON needs no byte count.
  if (json.length * 3 <= MAX_BODY_BYTES) return;
  if (json.length > MAX_BODY_BYTES || utf8Length(json) > MAX_BODY_BYTES) {
    throw new BodyError('too_large', `The body is larger than ${MAX_BODY_BYTES} bytes of JSON.`);
  }
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Iterative, so that hostile nesting cannot exhaust the stack before it is rejected. */
function checkNodes(root: JsonObject): void {
  const stack: { node: unknown; depth: number; parent: string | null }[] = [
    { node: root, depth: 1, parent: null },
  ];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { node, depth, parent } = frame;
    if (depth > MAX_NODE_DEPTH) {
      throw new BodyError('too_deep', `The body nests nodes deeper than ${MAX_NODE_DEPTH} levels.`);
    }
    if (!isObject(node)) throw new BodyError('invalid', 'A node of the body is not an object.');
    const type = node.type;
    if (typeof type !== 'string') throw new BodyError('invalid', 'A node of the body has no type.');
    if (!ARTICLE_NODE_TYPES.has(type)) {
      throw new BodyError('unknown_node', `Unknown node type ${show(type)} in the body.`);
    }
    if (parent === null ? type !== 'root' : !ALLOWED_CHILDREN[parent]?.has(type)) {
      throw new BodyError(
        'invalid',
        parent === null
          ? 'The body root must have type "root".'
          : `A ${show(type)} node cannot be inside a ${show(parent)} node.`,
      );
    }
    if (type === SUGGESTION_TYPE) {
      const problem = suggestionFieldsProblem(node);
      if (problem) throw new BodyError('invalid', problem);
    }
    if ('$slots' in node) {
      throw new BodyError('invalid', `A ${show(type)} node has named slots; articles use none.`);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'children' && valueDepth(value, 0) > MAX_VALUE_DEPTH) {
        throw new BodyError(
          'too_deep',
          `The property ${show(key)} of a ${show(type)} node nests too deep.`,
        );
      }
    }
    const children = node.children;
    if (children === undefined) continue;
    if (LEAF.has(type) || !Array.isArray(children)) {
      throw new BodyError('invalid', `A ${show(type)} node has invalid children.`);
    }
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i], depth: depth + 1, parent: type });
    }
  }
}

/** Nesting depth of a JSON value, giving up (returning limit + 1) past the limit. */
function valueDepth(value: unknown, depth: number): number {
  if (typeof value !== 'object' || value === null) return depth;
  if (depth >= MAX_VALUE_DEPTH) return depth + 1;
  let max = depth + 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    max = Math.max(max, valueDepth(child, depth + 1));
    if (max > MAX_VALUE_DEPTH) break;
  }
  return max;
}

/**
 * Suggestions in a body's JSON, without a Lexical editor: list them, count them, and accept or
 * reject some or all of them. Used for what the public sees (the body as if every open
 * suggestion were rejected, see docs/data-model.md), for old desks that cannot read the node,
 * and for accept/reject commands.
 *
 * Resolving is structural sharing: containers without a suggestion in them are returned as the
 * same objects, and a body without any suggestion is returned as it is (one walk, no copy).
 * Plain text nodes that end up side by side with the same format, style, detail and mode are
 * joined, as Lexical would on load; a block or list item that held only suggested insertions
 * and loses them all is removed (an empty one from the start stays).
 */
import { SUGGESTION_TYPE, type SuggestionFields, type SuggestionKind } from './suggestionFields';

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface SuggestionSummary extends SuggestionFields {
  /** The suggested text: all nodes of this id joined, in document order. */
  text: string;
}

export type SuggestionSelector = { ids: readonly string[] } | { author: string } | { all: true };
export type SuggestionAction = 'accept' | 'reject';

const SUGGESTION_FIELDS = new Set(['kind', 'author', 'at', 'id']);

function isSuggestion(node: unknown): node is JsonObject & SuggestionFields & { text: string } {
  return isObject(node) && node.type === SUGGESTION_TYPE;
}

function rootOf(body: unknown): JsonObject | null {
  return isObject(body) && isObject(body.root) ? body.root : null;
}

/** Every suggestion of the body once, in the order of its first node. */
export function listSuggestions(body: unknown): SuggestionSummary[] {
  const byId = new Map<string, SuggestionSummary>();
  const visit = (node: unknown): void => {
    if (!isObject(node)) return;
    if (isSuggestion(node)) {
      const seen = byId.get(node.id);
      const text = typeof node.text === 'string' ? node.text : '';
      if (seen) seen.text += text;
      else
        byId.set(node.id, { id: node.id, kind: node.kind, author: node.author, at: node.at, text });
      return;
    }
    if (Array.isArray(node.children)) for (const child of node.children) visit(child);
  };
  visit(rootOf(body));
  return [...byId.values()];
}

/** How many suggestions (distinct ids) are open in the body. */
export function countOpenSuggestions(body: unknown): number {
  const ids = new Set<string>();
  const visit = (node: unknown): void => {
    if (!isObject(node)) return;
    if (isSuggestion(node)) ids.add(String(node.id));
    else if (Array.isArray(node.children)) for (const child of node.children) visit(child);
  };
  visit(rootOf(body));
  return ids.size;
}

/** Whether the body holds any suggestion (stops at the first). */
export function hasSuggestions(body: unknown): boolean {
  const stack: unknown[] = [rootOf(body)];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isObject(node)) continue;
    if (node.type === SUGGESTION_TYPE) return true;
    if (Array.isArray(node.children)) stack.push(...(node.children as unknown[]));
  }
  return false;
}

/** The body as if every open suggestion were rejected: what the public and old desks see. */
export function withSuggestionsRejected<B>(body: B): B {
  return resolveSuggestions(body, { all: true }, 'reject');
}

/** The body as if every open suggestion were accepted. */
export function withSuggestionsAccepted<B>(body: B): B {
  return resolveSuggestions(body, { all: true }, 'accept');
}

/**
 * Accepts or rejects the selected suggestions: an accepted insertion and a rejected deletion
 * become plain text, an accepted deletion and a rejected insertion go. Unselected suggestions
 * stay as they are. Throws (and changes nothing) on a selector or action it does not know.
 */
export function resolveSuggestions<B>(
  body: B,
  selector: SuggestionSelector,
  action: SuggestionAction,
): B {
  if (action !== 'accept' && action !== 'reject') {
    throw new Error(`Unknown suggestion action ${JSON.stringify(action)}: use accept or reject.`);
  }
  const selected = selectorTest(selector);
  const root = rootOf(body);
  if (!root) return body;
  const keep: SuggestionKind = action === 'accept' ? 'insert' : 'delete';
  const next = resolveNode(root, (node) => selected(node), keep);
  return next === root ? body : ({ ...(body as JsonObject), root: next } as B);
}

function selectorTest(selector: SuggestionSelector): (node: SuggestionFields) => boolean {
  if (isObject(selector)) {
    if ('all' in selector && selector.all === true) return () => true;
    if ('ids' in selector && Array.isArray(selector.ids)) {
      const ids = new Set(selector.ids);
      return (node) => ids.has(node.id);
    }
    if ('author' in selector && typeof selector.author === 'string' && selector.author !== '') {
      const author = selector.author;
      return (node) => node.author === author;
    }
  }
  throw new Error('Choose suggestions by ids, by author or all.');
}

/** `node` with its selected suggestions resolved; the same object when nothing changed. */
function resolveNode(
  node: JsonObject,
  selected: (node: SuggestionFields) => boolean,
  keep: SuggestionKind,
): JsonObject {
  const children = node.children;
  if (!Array.isArray(children)) return node;
  let changed = false;
  const out: unknown[] = [];
  for (const child of children) {
    if (isSuggestion(child)) {
      if (!selected(child)) {
        out.push(child);
        continue;
      }
      changed = true;
      if (child.kind === keep) out.push(asPlainText(child));
      continue;
    }
    if (!isObject(child) || !Array.isArray(child.children)) {
      out.push(child);
      continue;
    }
    const next = resolveNode(child, selected, keep);
    if (next === child) {
      out.push(child);
      continue;
    }
    changed = true;
    // A container emptied by resolving held only suggested insertions: it goes with them.
    const emptied = child.children.length > 0 && (next.children as unknown[]).length === 0;
    if (!emptied) out.push(next);
  }
  return changed ? { ...node, children: joinPlainText(out) } : node;
}

function asPlainText(node: JsonObject): JsonObject {
  const out: JsonObject = { type: 'text' };
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'type' && !SUGGESTION_FIELDS.has(key)) out[key] = value;
  }
  return out;
}

const TEXT_DEFAULTS: Readonly<JsonObject> = { detail: 0, format: 0, mode: 'normal', style: '' };
const sameAs = (a: JsonObject, b: JsonObject, key: string): boolean =>
  (a[key] ?? TEXT_DEFAULTS[key]) === (b[key] ?? TEXT_DEFAULTS[key]);

/** Joins neighbouring plain text nodes that Lexical would merge (same format and no NodeState). */
function joinPlainText(children: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const child of children) {
    const prev = out[out.length - 1];
    if (
      isPlainText(child) &&
      isPlainText(prev) &&
      ['detail', 'format', 'mode', 'style'].every((key) => sameAs(prev, child, key))
    ) {
      out[out.length - 1] = { ...prev, text: String(prev.text) + String(child.text) };
    } else {
      out.push(child);
    }
  }
  return out;
}

function isPlainText(node: unknown): node is JsonObject {
  return (
    isObject(node) &&
    node.type === 'text' &&
    typeof node.text === 'string' &&
    (node.mode ?? 'normal') === 'normal' &&
    (node.$ === undefined || (isObject(node.$) && Object.keys(node.$).length === 0))
  );
}

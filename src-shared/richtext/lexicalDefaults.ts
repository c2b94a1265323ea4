/**
 * The canonical form of body JSON for comparing and hashing blocks (merge, block hashes).
 *
 * Lexical's `exportJSON` writes every property, defaults included (the editor's saves, a
 * headless round trip); bodies written elsewhere (the CLI, imports, builders.ts) leave defaults
 * out, and Lexical's `importJSON` reads a missing property as its default. Both forms mean the
 * same document, so before two blocks are compared, properties at Lexical's default for their
 * node type are dropped. Pure JSON work: no Lexical import, usable in the server, core and
 * renderer. The stored JSON is never rewritten; only comparisons and hashes use this form.
 *
 * Dropped (per node `type`, values as Lexical 0.52 exports them; see LEXICAL_DEFAULTS):
 * - every element (root, paragraph, heading, quote, list, listitem, link, autolink):
 *   `direction: null`, `format: ''`, `indent: 0`, `version: 1`; and `textFormat` and
 *   `textStyle` whatever their value: they are the format typing would continue with, which
 *   Lexical's reconciler copies from a text child, and never render (the text nodes carry the
 *   formats), so they are editing state, not content;
 * - list: `start: 1`, and `tag` when it is the one `listType` implies (number → ol, else ul);
 * - listitem: `checked: false`; `value` when it is the number Lexical gives the item by its
 *   position (the list's `start`, counting the items before it that do not just hold a nested
 *   list); `indent` when it is the item's list nesting depth (0 at the top);
 * - link, autolink: `rel: null`, `target: null`, `title: null`; autolink also `isUnlinked: false`;
 * - text and suggestion: `detail: 0`, `format: 0`, `mode: 'normal'`, `style: ''`, `version: 1`;
 * - tab: `text: '\t'`, `detail: 2`, `format: 0`, `mode: 'normal'`, `style: ''`, `version: 1`;
 * - linebreak: `version: 1`;
 * - article-image (flat NodeState, see imageNode.ts): `imageId`, `src`, `alt`, `caption`,
 *   `credit` at `''`, `width`, `height` at `0`, `version: 1`;
 * - on any node, an empty NodeState `$: {}`.
 *
 * Nodes of other types keep all their properties. Only `children` arrays are descended into;
 * other values (`$`, …) are compared as they are.
 */

type JsonObject = Record<string, unknown>;

const ELEMENT: Readonly<JsonObject> = { direction: null, format: '', indent: 0, version: 1 };
/** Element node types: their `textFormat` / `textStyle` are dropped whatever the value. */
const ELEMENT_TYPES: ReadonlySet<string> = new Set([
  'root',
  'paragraph',
  'heading',
  'quote',
  'list',
  'listitem',
  'link',
  'autolink',
]);
const TEXT: Readonly<JsonObject> = { detail: 0, format: 0, mode: 'normal', style: '', version: 1 };
const LINK: Readonly<JsonObject> = { ...ELEMENT, rel: null, target: null, title: null };

/** Per node type, the properties whose value Lexical's importJSON assumes when they are missing. */
export const LEXICAL_DEFAULTS: Readonly<Record<string, Readonly<JsonObject>>> = {
  root: ELEMENT,
  paragraph: ELEMENT,
  heading: ELEMENT,
  quote: ELEMENT,
  list: { ...ELEMENT, start: 1 },
  listitem: { ...ELEMENT, checked: false },
  link: LINK,
  autolink: { ...LINK, isUnlinked: false },
  text: TEXT,
  suggestion: TEXT,
  tab: { ...TEXT, detail: 2, text: '\t' },
  linebreak: { version: 1 },
  'article-image': {
    version: 1,
    imageId: '',
    src: '',
    alt: '',
    caption: '',
    credit: '',
    width: 0,
    height: 0,
  },
};

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isEmptyObject = (value: unknown): boolean =>
  isObject(value) && Object.keys(value).length === 0;

/** Properties Lexical derives from the node's place (a list item's number and depth). */
interface Derived {
  value?: number;
  indent?: number;
}

function normalize(node: unknown, depth: number, derived: Derived): unknown {
  if (!isObject(node)) return node;
  const type = typeof node.type === 'string' ? node.type : '';
  const defaults = Object.hasOwn(LEXICAL_DEFAULTS, type) ? LEXICAL_DEFAULTS[type] : undefined;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(node)) {
    if (v === undefined) continue;
    if (key === 'children' && Array.isArray(v)) {
      out.children =
        type === 'list'
          ? listChildren(node, v, depth)
          : childrenOf(v, type === 'listitem' ? depth + 1 : depth);
      continue;
    }
    if (key === '$' && isEmptyObject(v)) continue;
    if (defaults && Object.hasOwn(defaults, key) && v === defaults[key]) continue;
    if (type === 'list' && key === 'tag' && v === (node.listType === 'number' ? 'ol' : 'ul')) {
      continue;
    }
    if ((key === 'textFormat' || key === 'textStyle') && ELEMENT_TYPES.has(type)) continue;
    if (type === 'listitem' && key === 'value' && v === derived.value) continue;
    if (type === 'listitem' && key === 'indent' && v === derived.indent) continue;
    out[key] = v;
  }
  return out;
}

/** Children of a node other than a list (`depth`: the lists a nested list among them is in). */
function childrenOf(children: readonly unknown[], depth: number): unknown[] {
  return children.map((c) => normalize(c, depth, {}));
}

function listChildren(list: JsonObject, items: readonly unknown[], depth: number): unknown[] {
  // As Lexical's $updateChildrenListItemValue numbers them.
  let value = typeof list.start === 'number' ? list.start : 1;
  return items.map((item) => {
    if (!isObject(item) || item.type !== 'listitem') return normalize(item, depth, {});
    const out = normalize(item, depth, { value, indent: depth });
    const first = Array.isArray(item.children) ? (item.children[0] as unknown) : undefined;
    if (!(isObject(first) && first.type === 'list')) value++;
    return out;
  });
}

/**
 * A copy of a node (a block, or any node of a body) without the properties at Lexical's defaults,
 * so that the compact and the fully exported JSON of the same content are equal. The input is
 * not modified. `listDepth`: how many lists the node sits in (0 for a top-level block).
 */
export function withoutLexicalDefaults(node: unknown, listDepth = 0): unknown {
  return normalize(node, listDepth, {});
}

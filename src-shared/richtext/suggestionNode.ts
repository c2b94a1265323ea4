/**
 * Suggested text (suggestion mode): a TextNode subclass of type `suggestion` whose fields are
 * flat NodeState, so the JSON is
 * `{"type": "suggestion", "text": …, "format": …, "kind": "insert", "author": "anna",
 *   "at": "2026-12-03T04:00:00.000Z", "id": "s-…"}`.
 * `kind: 'insert'` is text someone suggests adding, `kind: 'delete'` text someone suggests
 * removing (it stays in the body until the suggestion is accepted).
 *
 * Lexical only merges adjacent *simple* text (type `text`), so a suggestion never melts into the
 * plain text around it. `TextNode.splitText` (formatting part of a node) creates plain TextNodes
 * for the split-off parts but copies the NodeState, so `registerSuggestionRepair` turns a plain
 * text node that carries suggestion fields back into a suggestion node.
 *
 * Every field defaults to '' (never valid, see suggestionFields.ts), so Lexical's NodeState
 * export, which leaves out values at their default, always writes all four.
 */
import {
  $applyNodeReplacement,
  $getRoot,
  $getState,
  $isElementNode,
  $isTextNode,
  $setState,
  createState,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  TextNode,
} from 'lexical';
import {
  isSuggestionKind,
  MAX_SUGGESTION_AUTHOR,
  MAX_SUGGESTION_ID,
  type SuggestionFields,
  type SuggestionKind,
} from './suggestionFields';

const text = (max: number) => (value: unknown) =>
  typeof value === 'string' ? value.slice(0, max) : '';
export const suggestionKindState = createState('kind', {
  parse: (value): SuggestionKind | '' => (isSuggestionKind(value) ? value : ''),
});
export const suggestionAuthorState = createState('author', { parse: text(MAX_SUGGESTION_AUTHOR) });
export const suggestionAtState = createState('at', { parse: text(40) });
export const suggestionIdState = createState('id', { parse: text(MAX_SUGGESTION_ID) });

export class SuggestionNode extends TextNode {
  override $config() {
    return this.config('suggestion', {
      extends: TextNode,
      stateConfigs: [
        { flat: true, stateConfig: suggestionKindState },
        { flat: true, stateConfig: suggestionAuthorState },
        { flat: true, stateConfig: suggestionAtState },
        { flat: true, stateConfig: suggestionIdState },
      ],
    });
  }

  /** The fields; a node built without them (never stored: the envelope refuses it) reads 'insert'. */
  getSuggestion(): SuggestionFields {
    const latest = this.getLatest();
    return {
      kind: $getState(latest, suggestionKindState) || 'insert',
      author: $getState(latest, suggestionAuthorState),
      at: $getState(latest, suggestionAtState),
      id: $getState(latest, suggestionIdState),
    };
  }

  setSuggestion(fields: SuggestionFields): this {
    let node: this = this.getWritable();
    node = $setState(node, suggestionKindState, fields.kind);
    node = $setState(node, suggestionAuthorState, suggestionAuthorState.parse(fields.author));
    node = $setState(node, suggestionAtState, suggestionAtState.parse(fields.at));
    return $setState(node, suggestionIdState, suggestionIdState.parse(fields.id));
  }

  // Text typed at either edge of a suggestion is not part of it (Lexical puts it in a plain
  // sibling); suggestion mode adds to the user's own suggestion itself (src-renderer/suggest).
  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }

  override createDOM(config: EditorConfig, editor?: LexicalEditor): HTMLElement {
    const dom = super.createDOM(config, editor);
    applySuggestionAttributes(dom, this.getSuggestion());
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement, config: EditorConfig): boolean {
    const before = prevNode.getSuggestion();
    const after = this.getSuggestion();
    if (before.kind !== after.kind) return true;
    if (before.author !== after.author || before.at !== after.at || before.id !== after.id) {
      applySuggestionAttributes(dom, after);
    }
    return super.updateDOM(prevNode, dom, config);
  }
}

function applySuggestionAttributes(dom: HTMLElement, fields: SuggestionFields): void {
  dom.classList.add('suggestion', `suggestion-${fields.kind}`);
  dom.dataset.suggestionId = fields.id;
  dom.dataset.suggestionAuthor = fields.author;
  dom.dataset.suggestionAt = fields.at;
}

export function $createSuggestionNode(text: string, fields: SuggestionFields): SuggestionNode {
  return $applyNodeReplacement(new SuggestionNode(text)).setSuggestion(fields);
}

export function $isSuggestionNode(node: LexicalNode | null | undefined): node is SuggestionNode {
  return node instanceof SuggestionNode;
}

/**
 * Keeps suggestions whole when Lexical splits one: a plain text node carrying suggestion fields
 * (copied NodeState) becomes a suggestion node with the same text, format and fields.
 */
export function registerSuggestionRepair(editor: LexicalEditor): () => void {
  return editor.registerNodeTransform(TextNode, (node) => {
    if (!$isTextNode(node) || $isSuggestionNode(node)) return;
    const kind = $getState(node, suggestionKindState);
    if (kind === '') return;
    const replacement = $createSuggestionNode(node.getTextContent(), {
      kind,
      author: $getState(node, suggestionAuthorState),
      at: $getState(node, suggestionAtState),
      id: $getState(node, suggestionIdState),
    });
    replacement.setFormat(node.getFormat());
    replacement.setStyle(node.getStyle());
    replacement.setDetail(node.getDetail());
    node.replace(replacement);
  });
}

/**
 * `node.getTextContent()` as if every open suggestion were rejected (suggested insertions left
 * out), for the editor's word count; block separators as Lexical's ElementNode writes them.
 */
export function $textContentAsRejected(node: LexicalNode = $getRoot()): string {
  if ($isSuggestionNode(node)) {
    return node.getSuggestion().kind === 'insert' ? '' : node.getTextContent();
  }
  if (!$isElementNode(node)) return node.getTextContent();
  const children = node.getChildren();
  let text = '';
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as LexicalNode;
    text += $textContentAsRejected(child);
    if ($isElementNode(child) && i !== children.length - 1 && !child.isInline()) text += '\n\n';
  }
  return text;
}

/**
 * Article bodies without a DOM: the headless editor used by core, server and tests, and
 * `parseBody`, which fails closed (BodyError) on anything outside the article schema.
 */
import { createHeadlessEditor } from '@lexical/headless';
import type { EditorState, LexicalEditor } from 'lexical';
import { registerBlockIdRepair } from './blockIds';
import { BodyError, checkBodyEnvelope } from './envelope';
import { ARTICLE_NAMESPACE, ARTICLE_NODES } from './nodes';

export { BodyError, type BodyErrorCode, MAX_BODY_BYTES, MAX_NODE_DEPTH } from './envelope';

export function createArticleHeadlessEditor(
  options: { repairBlockIds?: boolean } = {},
): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: ARTICLE_NAMESPACE,
    nodes: [...ARTICLE_NODES],
    onError: (error) => {
      throw error;
    },
  });
  if (options.repairBlockIds) registerBlockIdRepair(editor);
  return editor;
}

let parser: LexicalEditor | null = null;

/** The editor `parseBody` parses with by default; parsing leaves its own state untouched. */
export function articleParser(): LexicalEditor {
  parser ??= createArticleHeadlessEditor();
  return parser;
}

/**
 * Parses a stored body (JSON string or object) into an EditorState. Size, depth, node types and
 * nesting are checked before Lexical sees the input; Lexical's own parse errors become
 * BodyError 'invalid'. Read the result with `state.read(fn, { editor: articleParser() })`.
 */
export function parseBody(json: unknown, editor: LexicalEditor = articleParser()): EditorState {
  const envelope = checkBodyEnvelope(json);
  try {
    return editor.parseEditorState(envelope);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BodyError('invalid', `The body could not be read: ${reason.slice(0, 200)}`);
  }
}

/**
 * The article body editor as one Lexical extension: the shared article schema (nodes and
 * block-id repair) plus rich text, lists, links, bounded history, markdown shortcuts, the paste
 * policy and the editor's keyboard shortcuts. No React here.
 */
import { HistoryExtension } from '@lexical/history';
import { LinkExtension } from '@lexical/link';
import { ListExtension } from '@lexical/list';
import { RichTextExtension } from '@lexical/rich-text';
import {
  COMMAND_PRIORITY_HIGH,
  configExtension,
  defineExtension,
  type EditorThemeClasses,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
  mergeRegister,
} from 'lexical';
import { isAllowedLinkUrl } from '../../src-shared/model/url';
import {
  type ArticleImageDecorator,
  setArticleImageDecorator,
} from '../../src-shared/richtext/imageNode';
import { ARTICLE_NAMESPACE, ARTICLE_NODES } from '../../src-shared/richtext/nodes';
import { registerSuggestionRepair } from '../../src-shared/richtext/suggestionNode';
import { registerBlockIdGuard } from './blockIdGuard';
import { setBlockKind } from './blocks';
import { registerImageKeys } from './images/keys';
import { $readLinkTarget, type LinkTarget } from './links';
import { registerArticleMarkdown } from './markdown';
import { registerArticlePaste } from './paste';
import { blockShortcut, isLinkKey } from './shortcuts';

/** Undo steps kept; each holds an EditorState snapshot . */
export const HISTORY_MAX_DEPTH = 100;
/** Typing within this many ms merges into one undo step. */
export const HISTORY_DELAY_MS = 700;

const THEME: EditorThemeClasses = {
  paragraph: 'body__p',
  heading: { h2: 'body__h2', h3: 'body__h3', h4: 'body__h4' },
  quote: 'body__quote',
  link: 'body__link',
  list: {
    ul: 'body__ul',
    ol: 'body__ol',
    listitem: 'body__li',
    nested: { listitem: 'body__li--nested' },
  },
  text: { bold: 'body__bold', italic: 'body__italic', underline: 'body__underline' },
};

export interface ArticleEditorHooks {
  /** Ctrl/Cmd+K: open the link dialog for the current selection. */
  onLinkRequest: (target: LinkTarget) => void;
  onError: (error: Error) => void;
  /** How image nodes are shown (the renderer's React view); none in headless tests. */
  decorateImage?: ArticleImageDecorator;
}

function registerKeys(editor: LexicalEditor, hooks: ArticleEditorHooks): () => void {
  return editor.registerCommand(
    KEY_DOWN_COMMAND,
    (event) => {
      if (isLinkKey(event)) {
        event.preventDefault();
        hooks.onLinkRequest($readLinkTarget(editor));
        return true;
      }
      const block = blockShortcut(event);
      if (block) {
        event.preventDefault();
        setBlockKind(editor, block);
        return true;
      }
      return false;
    },
    COMMAND_PRIORITY_HIGH,
  );
}

/**
 * The shared schema's nodes with the editor's own block-id guard. Not the shared
 * `ArticleSchemaExtension`: its repair is a RootNode transform, which Lexical 0.52 runs on every
 * keystroke (see blockIdGuard.ts).
 */
const EditorSchemaExtension = defineExtension({
  name: '@copydesk/article-editor-schema',
  nodes: () => [...ARTICLE_NODES],
  register: (editor) =>
    mergeRegister(registerBlockIdGuard(editor), registerSuggestionRepair(editor)),
});

/** A fresh extension for one article; `body` is the stored JSON (block ids already ensured). */
export function articleEditorExtension(body: unknown, hooks: ArticleEditorHooks) {
  return defineExtension({
    name: '@copydesk/article-editor',
    namespace: ARTICLE_NAMESPACE,
    theme: THEME,
    dependencies: [
      EditorSchemaExtension,
      RichTextExtension,
      ListExtension,
      configExtension(LinkExtension, { validateUrl: isAllowedLinkUrl }),
      configExtension(HistoryExtension, {
        maxDepth: HISTORY_MAX_DEPTH,
        delay: HISTORY_DELAY_MS,
      }),
    ],
    // InitialStateExtension parses serialized JSON objects as well as strings (the type only
    // names strings); passing the object saves a stringify + parse of a long body.
    $initialEditorState: body as string,
    onError: (error) => hooks.onError(error),
    register: (editor) =>
      mergeRegister(
        registerArticleMarkdown(editor),
        registerArticlePaste(editor),
        registerKeys(editor, hooks),
        registerImageKeys(editor),
        hooks.decorateImage ? setArticleImageDecorator(editor, hooks.decorateImage) : () => {},
      ),
  });
}

/**
 * The one node registry of the article body, used by the renderer's editor, the headless
 * editor in core and server, and the tests. Lexical fails to load JSON containing a type that
 * is not registered, so every place must use exactly this list.
 */
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { defineExtension, type Klass, type LexicalNode, mergeRegister, safeCast } from 'lexical';
import { registerBlockIdRepair } from './blockIds';
import {
  type ArticleImageDecorator,
  ArticleImageNode,
  setArticleImageDecorator,
} from './imageNode';
import { registerSuggestionRepair, SuggestionNode } from './suggestionNode';

export { ArticleImageNode } from './imageNode';
export { SuggestionNode } from './suggestionNode';

/** Shared by every article editor so that copy and paste between them keeps rich content. */
export const ARTICLE_NAMESPACE = 'copydesk-article';

/** Passed to `createEditor({nodes})`; paragraph, text, linebreak and tab are Lexical built-ins. */
export const ARTICLE_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  ArticleImageNode,
  SuggestionNode,
];

/** Block types allowed directly under the root. */
export const BLOCK_TYPES: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'quote',
  'list',
  'article-image',
]);
/** Types allowed inside a paragraph, heading, quote or list item. */
export const INLINE_TYPES: ReadonlySet<string> = new Set([
  'text',
  'tab',
  'linebreak',
  'link',
  'autolink',
  'suggestion',
]);
/** Every JSON node type a stored body may contain. */
export const ARTICLE_NODE_TYPES: ReadonlySet<string> = new Set([
  'root',
  'listitem',
  ...BLOCK_TYPES,
  ...INLINE_TYPES,
]);

/** Heading levels of an article; the headline is the page's h1. */
export type ArticleHeadingTag = 'h2' | 'h3' | 'h4';

/** h1 becomes h2, h5 and h6 become h4. */
export function clampHeadingTag(tag: string): ArticleHeadingTag {
  if (tag === 'h3' || tag === 'h4') return tag;
  return tag === 'h5' || tag === 'h6' ? 'h4' : 'h2';
}

/**
 * The article schema as a Lexical extension: the nodes plus the block-id and suggestion repair
 * transforms.
 * The renderer adds RichText, List, Link, History etc. on top of it, and gives image nodes
 * their React view with `configExtension(ArticleSchemaExtension, { decorateImage })`.
 */
export const ArticleSchemaExtension = defineExtension({
  name: '@copydesk/article-schema',
  nodes: () => [...ARTICLE_NODES],
  config: safeCast<{ decorateImage: ArticleImageDecorator | null }>({ decorateImage: null }),
  register: (editor, { decorateImage }) =>
    mergeRegister(
      registerBlockIdRepair(editor),
      registerSuggestionRepair(editor),
      decorateImage ? setArticleImageDecorator(editor, decorateImage) : () => {},
    ),
});

/**
 * Markdown shortcuts at the start of a block: "## " and "### " headings, "- " / "* " bullets,
 * "1. " numbers, "> " quotes, and **bold** / *italic*. Only node types of the article schema:
 * "# " is not a shortcut because the headline is the page's only h1.
 */
import { $createHeadingNode, $isHeadingNode, HeadingNode } from '@lexical/rich-text';
import {
  BOLD_STAR,
  type ElementTransformer,
  ITALIC_STAR,
  ORDERED_LIST,
  QUOTE,
  registerMarkdownShortcuts,
  type Transformer,
  UNORDERED_LIST,
} from '@lexical/markdown';
import type { LexicalEditor } from 'lexical';

const ARTICLE_HEADING: ElementTransformer = {
  dependencies: [HeadingNode],
  export: (node, exportChildren) =>
    $isHeadingNode(node)
      ? `${'#'.repeat(Number(node.getTag().slice(1)))} ${exportChildren(node)}`
      : null,
  regExp: /^(#{2,3})\s/,
  replace: (parentNode, children, match) => {
    const node = $createHeadingNode(match[1]!.length === 3 ? 'h3' : 'h2');
    node.append(...children);
    parentNode.replace(node);
    node.select(0, 0);
  },
  type: 'element',
};

export const ARTICLE_MARKDOWN: Transformer[] = [
  ARTICLE_HEADING,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  BOLD_STAR,
  ITALIC_STAR,
];

export function registerArticleMarkdown(editor: LexicalEditor): () => void {
  return registerMarkdownShortcuts(editor, ARTICLE_MARKDOWN);
}

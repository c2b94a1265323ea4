import { newBlockId } from './blockIdsJson';

/**
 * Plain text of a serialized Lexical body, without Lexical: used for search indexing and word
 * counts in the core and on the server, where building an editor per row would be wasteful.
 * Blocks are separated by a blank line; line breaks become newlines. Open suggestions read as
 * rejected (docs/data-model.md): suggested insertions are left out, suggested deletions kept.
 */
type JsonNode = {
  type?: unknown;
  text?: unknown;
  kind?: unknown;
  children?: unknown;
  caption?: unknown;
};

const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'quote',
  'list',
  'listitem',
  'article-image',
  'code',
]);

export function bodyPlainText(body: unknown): string {
  const out: string[] = [];
  const root = (body as { root?: JsonNode } | null)?.root;
  if (!root) return '';
  walk(root, out);
  return out
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function walk(node: JsonNode, out: string[]): void {
  if (node.type === 'text' && typeof node.text === 'string') {
    out.push(node.text);
    return;
  }
  if (node.type === 'suggestion') {
    if (node.kind === 'delete' && typeof node.text === 'string') out.push(node.text);
    return;
  }
  if (node.type === 'linebreak') {
    out.push('\n');
    return;
  }
  if (node.type === 'tab') {
    out.push('\t');
    return;
  }
  if (node.type === 'article-image' && typeof node.caption === 'string') out.push(node.caption);
  if (Array.isArray(node.children)) {
    for (const child of node.children)
      if (child && typeof child === 'object') walk(child as JsonNode, out);
  }
  if (typeof node.type === 'string' && BLOCK_TYPES.has(node.type)) out.push('\n\n');
}

const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

/** Reading time in whole minutes at 200 words a minute (German news prose), at least 1 for any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 200));
}

/** Builds a Lexical body JSON from plain paragraphs, each with a fresh block id: demo content, imports and tests. */
export function bodyFromParagraphs(paragraphs: string[]): {
  root: {
    type: 'root';
    children: unknown[];
    direction: null;
    format: string;
    indent: number;
    version: number;
  };
} {
  return {
    root: {
      type: 'root',
      direction: null,
      format: '',
      indent: 0,
      version: 1,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        direction: null,
        format: '',
        indent: 0,
        version: 1,
        textFormat: 0,
        textStyle: '',
        $: { blockId: newBlockId() },
        children: text
          ? [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }]
          : [],
      })),
    },
  };
}

/**
 * Published HTML of an article body.
 *
 * The body is parsed by the headless editor (fails closed on unknown nodes, oversize, deep
 * nesting), then a string walker over the typed Lexical nodes emits semantic HTML inside
 * `state.read()`: every text and attribute value escaped, links only through `checkLinkUrl`,
 * image URLs only from `imageSrc(imageId)`, no styles, alignment or indentation. The result
 * then passes the sanitize-html allowlist in sanitize.ts. Open suggestions render as rejected:
 * a suggested insertion is left out, a suggested deletion is plain text.
 *
 * Not `$generateHtmlFromNodes`: that needs a DOM, keeps TextNode.style and target without rel,
 * and is several times slower. The walker is one pass appending to one array, joined once.
 * Measured for 1,000 paragraphs (Node 20, one core): parse ~11 ms, walk ~1 ms, sanitize ~2 ms.
 * Runs in the browser too (bundled with Vite, checked in Chromium).
 */
import { $isAutoLinkNode, $isLinkNode, type LinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import {
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isParagraphNode,
  $isTextNode,
  IS_BOLD,
  IS_CODE,
  IS_ITALIC,
  IS_STRIKETHROUGH,
  IS_SUBSCRIPT,
  IS_SUPERSCRIPT,
  IS_UNDERLINE,
  type ElementNode,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { checkLinkUrl } from '../model/url';
import { articleParser, parseBody } from './headless';
import { $isArticleImageNode, type ArticleImageNode } from './imageNode';
import { clampHeadingTag } from './nodes';
import { $isSuggestionNode } from './suggestionNode';
import { hasSuggestions, withSuggestionsRejected } from './suggestions';
import { checkBodyEnvelope } from './envelope';
import { DEFAULT_IMAGE_SCHEMES, sanitizeArticleHtml } from './sanitize';

export interface ImageSource {
  src: string;
  srcset?: string;
  sizes?: string;
  width?: number;
  height?: number;
}

export interface RenderOptions {
  /** Resolves an image id to its public URL; null (or no resolver) omits the image. */
  imageSrc?: (imageId: string) => ImageSource | null;
  /** Schemes allowed for image URLs; default https and http. In-app preview may add its own. */
  imageSchemes?: readonly string[];
}

/** Parses, walks and sanitizes. Throws BodyError for a body outside the article schema. */
export function renderBodyHtml(body: unknown, options: RenderOptions = {}): string {
  const editor = articleParser();
  const html = parseBody(asRejected(body), editor).read(() => $renderArticleHtml(options), {
    editor,
  });
  return sanitizeArticleHtml(html, { imageSchemes: options.imageSchemes ?? DEFAULT_IMAGE_SCHEMES });
}

/**
 * The body with open suggestions rejected, so that blocks holding only a suggested insertion
 * disappear as they do in the snapshot. Checked first: the JSON walk trusts the envelope's limits.
 */
function asRejected(body: unknown): unknown {
  const mayHave = typeof body === 'string' ? body.includes('"suggestion"') : hasSuggestions(body);
  return mayHave ? withSuggestionsRejected(checkBodyEnvelope(body)) : body;
}

/**
 * The walker alone, for the active editor state (call inside `read()`/`update()`). Its output
 * is escaped and allowlisted by construction; publish only after `sanitizeArticleHtml`.
 */
export function $renderArticleHtml(options: RenderOptions = {}): string {
  const out: string[] = [];
  const walker = new Walker(out, options);
  for (const block of $getRoot().getChildren()) walker.block(block);
  return out.join('');
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const MAX_URL_LENGTH = 2048;
const FORMATS: readonly [number, string][] = [
  [IS_BOLD, 'strong'],
  [IS_ITALIC, 'em'],
  [IS_UNDERLINE, 'u'],
  [IS_STRIKETHROUGH, 's'],
  [IS_SUBSCRIPT, 'sub'],
  [IS_SUPERSCRIPT, 'sup'],
  [IS_CODE, 'code'],
];

class Walker {
  private readonly imageSchemes: ReadonlySet<string>;

  constructor(
    private readonly out: string[],
    private readonly options: RenderOptions,
  ) {
    this.imageSchemes = new Set(
      (options.imageSchemes ?? DEFAULT_IMAGE_SCHEMES).map((s) => `${s.toLowerCase()}:`),
    );
  }

  block(node: LexicalNode): void {
    if ($isParagraphNode(node)) this.wrapped('p', node);
    else if ($isHeadingNode(node)) this.wrapped(clampHeadingTag(node.getTag()), node);
    else if ($isQuoteNode(node)) this.quote(node);
    else if ($isListNode(node)) this.list(node);
    else if ($isArticleImageNode(node)) this.image(node);
  }

  private wrapped(tag: string, node: ElementNode): void {
    if (node.isEmpty()) return;
    this.out.push(`<${tag}>`);
    for (const child of node.getChildren()) this.inline(child);
    this.out.push(`</${tag}>`);
  }

  /** A quote holds inline content, or blocks when it is a shadow root; runs of inline go in <p>. */
  private quote(node: ElementNode): void {
    if (node.isEmpty()) return;
    this.out.push('<blockquote>');
    let inParagraph = false;
    for (const child of node.getChildren()) {
      const isBlock = $isElementNode(child) && !child.isInline();
      if (isBlock === inParagraph) {
        this.out.push(inParagraph ? '</p>' : '<p>');
        inParagraph = !inParagraph;
      }
      if (isBlock) this.block(child);
      else this.inline(child);
    }
    if (inParagraph) this.out.push('</p>');
    this.out.push('</blockquote>');
  }

  /** Lexical keeps a nested list in its own list item; HTML wants it inside the previous <li>. */
  private list(node: ListNode): void {
    const items = node.getChildren().filter($isListItemNode);
    if (items.length === 0) return;
    const start = node.getStart();
    const ordered = node.getListType() === 'number';
    const tag = ordered ? 'ol' : 'ul';
    this.out.push(
      ordered && Number.isSafeInteger(start) && start !== 1 ? `<ol start="${start}">` : `<${tag}>`,
    );
    let open = false;
    for (const item of items) {
      const children = item.getChildren();
      const nestedOnly = children.length > 0 && children.every($isListNode);
      if (!(nestedOnly && open)) {
        if (open) this.out.push('</li>');
        this.out.push('<li>');
        open = true;
      }
      for (const child of children) {
        if ($isListNode(child)) this.list(child);
        else this.inline(child);
      }
    }
    if (open) this.out.push('</li>');
    this.out.push(`</${tag}>`);
  }

  private inline(node: LexicalNode): void {
    if ($isTextNode(node)) this.text(node);
    else if ($isLineBreakNode(node)) this.out.push('<br>');
    else if ($isLinkNode(node)) this.link(node);
  }

  /** An open suggested insertion is not published (docs/data-model.md): only its rejection is. */
  private text(node: TextNode): void {
    if ($isSuggestionNode(node) && node.getSuggestion().kind === 'insert') return;
    const text = node.getTextContent();
    if (text === '') return;
    const format = node.getFormat();
    const tags = FORMATS.filter(([flag]) => (format & flag) !== 0).map(([, tag]) => tag);
    for (const tag of tags) this.out.push(`<${tag}>`);
    this.out.push(escapeHtml(text));
    for (let i = tags.length - 1; i >= 0; i--) this.out.push(`</${tags[i]}>`);
  }

  /** A link whose URL fails the policy (or an unlinked autolink) renders as its text. */
  private link(node: LinkNode): void {
    const url = node.getURL();
    const check =
      ($isAutoLinkNode(node) && node.getIsUnlinked()) || url.length > MAX_URL_LENGTH
        ? null
        : checkLinkUrl(url);
    if (check?.ok) {
      const newTab = node.getTarget() === '_blank';
      this.out.push(
        `<a href="${escapeHtml(check.url)}"${newTab ? ' target="_blank" rel="noopener noreferrer"' : ''}>`,
      );
    }
    for (const child of node.getChildren()) this.inline(child);
    if (check?.ok) this.out.push('</a>');
  }

  /** The src comes only from `imageSrc(imageId)`; the node's own src is the editor's and ignored. */
  private image(node: ArticleImageNode): void {
    const fields = node.getFields();
    const source = fields.imageId ? (this.options.imageSrc?.(fields.imageId) ?? null) : null;
    if (!source || !this.allowedImageUrl(source.src)) return;
    const width = source.width ?? fields.width;
    const height = source.height ?? fields.height;
    const out = this.out;
    out.push(`<figure><img src="${escapeHtml(source.src)}"`);
    if (source.srcset) out.push(` srcset="${escapeHtml(source.srcset)}"`);
    if (source.sizes) out.push(` sizes="${escapeHtml(source.sizes)}"`);
    out.push(` alt="${escapeHtml(fields.alt.trim())}"`);
    if (isDimension(width) && isDimension(height)) out.push(` width="${width}" height="${height}"`);
    out.push(' loading="lazy">');
    const caption = fields.caption.trim();
    const credit = fields.credit.trim();
    if (caption || credit) {
      out.push('<figcaption>', escapeHtml(caption));
      if (credit) {
        out.push(
          `${caption ? ' ' : ''}<span class="credit">Bildquelle: ${escapeHtml(credit)}</span>`,
        );
      }
      out.push('</figcaption>');
    }
    out.push('</figure>');
  }

  /** Absolute URL with an allowed scheme and no credentials, or a root-relative path. */
  private allowedImageUrl(src: string): boolean {
    if (/^\/(?![/\\])/.test(src)) return true;
    try {
      const url = new URL(src);
      return this.imageSchemes.has(url.protocol) && !url.username && !url.password;
    } catch {
      return false;
    }
  }
}

function isDimension(value: number): boolean {
  return Number.isInteger(value) && value > 0 && value <= 100_000;
}

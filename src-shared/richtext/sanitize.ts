/**
 * The last line of defence for published article HTML:
 * an explicit allowlist of exactly what `html.ts` emits. No style attribute, no classes but
 * `credit`, links only http/https/mailto, no protocol-relative URLs.
 * sanitize-html bundles and runs in the browser too (checked with Vite + Chromium); its style
 * parsing needs postcss under Node only, so it is switched off (styles are never allowed).
 */
import sanitizeHtml from 'sanitize-html';

/** Exactly the tags html.ts emits. */
// prettier-ignore
export const ARTICLE_TAGS: readonly string[] = [
  'p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'br',
  'strong', 'em', 'u', 's', 'code', 'sub', 'sup', 'a', 'figure', 'img', 'figcaption', 'span',
];
/** Removed together with their text, not just unwrapped. */
// prettier-ignore
const DROPPED_WITH_CONTENT = [
  'script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'svg', 'math',
];

export const DEFAULT_IMAGE_SCHEMES: readonly string[] = ['https', 'http'];

export interface SanitizeOptions {
  /** URL schemes allowed in img src/srcset; default https and http. Preview may add e.g. 'app'. */
  imageSchemes?: readonly string[];
}

function articleOptions(imageSchemes: readonly string[]): sanitizeHtml.IOptions {
  return {
    allowedTags: [...ARTICLE_TAGS],
    allowedAttributes: {
      a: ['href', 'target', 'rel'],
      img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading'],
      ol: ['start'],
      span: ['class'],
    },
    allowedClasses: { span: ['credit'] },
    transformTags: { a: normalizeLink },
    allowedSchemes: ['https', 'http', 'mailto'],
    allowedSchemesByTag: { img: [...imageSchemes] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    allowVulnerableTags: false,
    parseStyleAttributes: false,
    disallowedTagsMode: 'discard',
    nonTextTags: [...DROPPED_WITH_CONTENT],
    selfClosing: ['img', 'br'],
    enforceHtmlBoundary: false,
  };
}

/** Only target="_blank" survives, and always with rel="noopener noreferrer". */
function normalizeLink(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const out: sanitizeHtml.Attributes = {};
  if (attribs.href !== undefined) out.href = attribs.href;
  if (attribs.target === '_blank') {
    out.target = '_blank';
    out.rel = 'noopener noreferrer';
  }
  return { tagName, attribs: out };
}

const DEFAULT_OPTIONS = articleOptions(DEFAULT_IMAGE_SCHEMES);

export function sanitizeArticleHtml(html: string, options: SanitizeOptions = {}): string {
  const config = options.imageSchemes ? articleOptions(options.imageSchemes) : DEFAULT_OPTIONS;
  return sanitizeHtml(html, config);
}

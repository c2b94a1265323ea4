/**
 * The publication checklist: what must hold before an article is submitted, approved,
 * published or corrected. Pure: the caller passes the article and a lookup for image metadata.
 *
 * Items: headline, teaser, section, at least one tag, and a credit ("Bildquelle") on every image —
 * the lead image, every inline `article-image` node of the body and a social image of its own. An inline image counts as
 * credited when the node itself carries a credit or the image record it points to has one.
 */
import type { ArticleFields } from './model';
import { parseImageId } from './richtext/imageId';
import { countOpenSuggestions } from './richtext/suggestions';
import { bidiOverrides } from './text/rule';

export const CHECKLIST_CODES = [
  'headline_missing',
  'teaser_missing',
  'section_missing',
  'tag_missing',
  'lead_image_unknown',
  'lead_image_credit_missing',
  'image_credit_missing',
  'social_image_credit_missing',
  'bidi_override',
] as const;
export type ChecklistCode = (typeof CHECKLIST_CODES)[number];

export interface ChecklistItem {
  code: ChecklistCode;
  /** English sentence for logs, API errors and as the i18n fallback. */
  message: string;
  /** The image concerned, for image items. */
  imageId?: string;
  /** The body block concerned, for inline images. */
  blockId?: string;
}

/** What the checklist needs to know about an image. */
export interface ImageCreditInfo {
  credit: string;
  /** The record's alt text; only the warnings read it. */
  alt?: string;
}

export type ImageLookup = (imageId: string) => ImageCreditInfo | undefined;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a property of a Lexical JSON node, either flat or from its NodeState (`$`). */
function prop(node: Json, key: string): unknown {
  if (key in node) return node[key];
  const state = node.$;
  return isObject(state) ? state[key] : undefined;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Every inline image node of a body, in document order; `imageId` read as the page renderer reads it. */
export function inlineImagesOf(
  body: unknown,
): { imageId: string; credit: string; alt: string; blockId: string }[] {
  const out: { imageId: string; credit: string; alt: string; blockId: string }[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (!isObject(node) || depth > 200) return;
    if (node.type === 'article-image') {
      out.push({
        imageId: parseImageId(prop(node, 'imageId')),
        credit: str(prop(node, 'credit')),
        alt: str(prop(node, 'alt')),
        blockId: str(prop(node, 'blockId')),
      });
    }
    const children = node.children;
    if (Array.isArray(children)) for (const c of children) visit(c, depth + 1);
  };
  const root = isObject(body) ? body.root : undefined;
  visit(root, 0);
  return out;
}

/** Returns what is missing; an empty list means the article may go ahead. */
export function checkArticle(
  article: { fields: ArticleFields; body: unknown },
  images: ImageLookup,
): ChecklistItem[] {
  const f = article.fields;
  const missing: ChecklistItem[] = [];
  if (f.headline.trim() === '') {
    missing.push({ code: 'headline_missing', message: 'The headline is missing.' });
  }
  if (f.teaser.trim() === '') {
    missing.push({ code: 'teaser_missing', message: 'The teaser is missing.' });
  }
  if (f.section === null || f.section.trim() === '') {
    missing.push({ code: 'section_missing', message: 'No section is chosen.' });
  }
  if (f.tags.length === 0) {
    missing.push({ code: 'tag_missing', message: 'Add at least one tag.' });
  }
  if (f.leadImage) {
    const img = images(f.leadImage.imageId);
    if (!img) {
      missing.push({
        code: 'lead_image_unknown',
        message: 'The lead image is not known on the server (not uploaded yet?).',
        imageId: f.leadImage.imageId,
      });
    } else if (img.credit.trim() === '') {
      missing.push({
        code: 'lead_image_credit_missing',
        message: 'The lead image has no credit (Bildquelle).',
        imageId: f.leadImage.imageId,
      });
    }
  }
  for (const inline of inlineImagesOf(article.body)) {
    const record = inline.imageId ? images(inline.imageId) : undefined;
    const credit = inline.credit.trim() || (record?.credit.trim() ?? '');
    if (credit === '') {
      const item: ChecklistItem = {
        code: 'image_credit_missing',
        message: 'An image in the body has no credit (Bildquelle).',
      };
      if (inline.imageId) item.imageId = inline.imageId;
      if (inline.blockId) item.blockId = inline.blockId;
      missing.push(item);
    }
  }
  if (f.socialImageId && f.socialImageId !== f.leadImage?.imageId) {
    if ((images(f.socialImageId)?.credit.trim() ?? '') === '') {
      missing.push({
        code: 'social_image_credit_missing',
        message: 'The social image has no credit (Bildquelle) or is not on the server yet.',
        imageId: f.socialImageId,
      });
    }
  }
  if (hasBidiOverride(f, article.body)) {
    missing.push({
      code: 'bidi_override',
      message:
        'The text contains a bidi override character (U+202D/U+202E), which can make it read differently from what it says.',
    });
  }
  return missing;
}

/** Bidi overrides anywhere in the article's text: flagged so that nobody publishes them unseen. */
function hasBidiOverride(f: ArticleFields, body: unknown): boolean {
  const texts = [
    f.kicker,
    f.headline,
    f.teaser,
    f.byline,
    ...f.tags,
    ...f.links.map((l) => l.label),
  ];
  if (f.leadImage) texts.push(f.leadImage.caption);
  return texts.some((t) => bidiOverrides(t) > 0) || bidiOverrides(JSON.stringify(body ?? null)) > 0;
}

/**
 * Warnings: what a careful desk fixes but what never blocks a step (the server does not check
 * them). An image without alt text leaves readers of screen readers without the picture; open
 * suggestions are not published (the page shows them as rejected), so the desk should resolve them.
 */
export const CHECKLIST_WARNING_CODES = [
  'lead_image_alt_missing',
  'image_alt_missing',
  'open_suggestions',
] as const;
export type ChecklistWarningCode = (typeof CHECKLIST_WARNING_CODES)[number];

export interface ChecklistWarning {
  code: ChecklistWarningCode;
  message: string;
  imageId?: string;
  blockId?: string;
  /** How many, for `open_suggestions`. */
  count?: number;
}

/**
 * The warnings of an article. An image's alt text is the article's own for it (the lead image's
 * `alt`, an inline image node's `alt`), else its record's. An image the lookup does not know is not warned about (the
 * checklist already reports an unknown lead image).
 */
export function checkArticleWarnings(
  article: {
    fields: ArticleFields;
    body: unknown;
    fieldSuggestions?: readonly unknown[] | undefined;
  },
  images: ImageLookup,
): ChecklistWarning[] {
  const warnings: ChecklistWarning[] = [];
  const lead = article.fields.leadImage;
  const leadRecord = lead ? images(lead.imageId) : undefined;
  if (lead && leadRecord && !lead.alt?.trim() && !leadRecord.alt?.trim()) {
    warnings.push({
      code: 'lead_image_alt_missing',
      message: 'The lead image has no alt text.',
      imageId: lead.imageId,
    });
  }
  for (const inline of inlineImagesOf(article.body)) {
    const record = inline.imageId ? images(inline.imageId) : undefined;
    if (inline.alt.trim() || record?.alt?.trim()) continue;
    const warning: ChecklistWarning = {
      code: 'image_alt_missing',
      message: 'An image in the body has no alt text.',
    };
    if (inline.imageId) warning.imageId = inline.imageId;
    if (inline.blockId) warning.blockId = inline.blockId;
    warnings.push(warning);
  }
  // Suggestions in the body and on kicker, headline and teaser alike.
  const open = countOpenSuggestions(article.body) + (article.fieldSuggestions?.length ?? 0);
  if (open > 0) {
    warnings.push({
      code: 'open_suggestions',
      message: `${open} open suggestion${open === 1 ? '' : 's'}: they are not published until accepted.`,
      count: open,
    });
  }
  return warnings;
}

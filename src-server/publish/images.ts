/**
 * Images on published pages: the responsive source set of an image (its WebP renditions at
 * /media/:imageId/:width.webp) and the credit of inline images taken from the image record (alt
 * text when the node has none; the checklist accepts either, the page shows "Bildquelle" always).
 */
import type { ImageSource } from '../../src-shared/richtext/html';
import { RENDITION_WIDTHS } from '../media/renditions';
import type { PublishedImage, PublishedSnapshot, Rendition } from '../../src-shared/publish/types';

/** The article column is 42rem wide with 1rem padding (publish/css.ts). */
export const IMAGE_SIZES = '(max-width: 42rem) calc(100vw - 2rem), 40rem';
/** The width of the `src` fallback for browsers without srcset. */
const FALLBACK_WIDTH = 1024;

export function renditionUrl(base: string, imageId: string, width: number): string {
  return `${base}/media/${encodeURIComponent(imageId)}/${width}.webp`;
}

/** Each distinct rendition of an image: the width asked for in the URL and the width it has. */
function renditionWidths(size: { width: number } | undefined): { asked: number; actual: number }[] {
  const seen = new Set<number>();
  const out: { asked: number; actual: number }[] = [];
  for (const w of RENDITION_WIDTHS) {
    const actual = size !== undefined ? Math.min(w, size.width) : w;
    if (seen.has(actual)) continue;
    seen.add(actual);
    out.push({ asked: w, actual });
  }
  return out;
}

const knownSize = (size: { width: number; height: number } | undefined) =>
  size !== undefined && size.width > 0 && size.height > 0 ? size : undefined;

/**
 * src, srcset, sizes and intrinsic size of an image. Renditions are never enlarged, so a width
 * above the original's is listed once, with the original's width as its descriptor.
 * `base` is '' for root-relative URLs or the public base URL.
 */
export function imageSource(
  base: string,
  imageId: string,
  size: { width: number; height: number } | undefined,
): ImageSource {
  const known = knownSize(size);
  const source: ImageSource = {
    src: renditionUrl(base, imageId, FALLBACK_WIDTH),
    srcset: renditionWidths(known)
      .map((r) => `${renditionUrl(base, imageId, r.asked)} ${r.actual}w`)
      .join(', '),
    sizes: IMAGE_SIZES,
  };
  if (known) {
    source.width = known.width;
    source.height = known.height;
  }
  return source;
}

/** The renditions of an image with their actual sizes, smallest first; none if its size is unknown. */
export function imageRenditions(
  base: string,
  imageId: string,
  size: { width: number; height: number } | undefined,
): Rendition[] {
  const known = knownSize(size);
  if (!known) return [];
  return renditionWidths(known).map((r) => ({
    url: renditionUrl(base, imageId, r.asked),
    width: r.actual,
    height: Math.round((known.height * r.actual) / known.width),
  }));
}

/** The renditions of one image of a published page, sized from the snapshot's image records. */
export function snapshotImageRenditions(
  base: string,
  s: Pick<PublishedSnapshot, 'images' | 'leadImage'>,
  imageId: string,
): Rendition[] {
  return imageRenditions(base, imageId, snapshotImageSize(s, imageId));
}

const snapshotImageSize = (s: Pick<PublishedSnapshot, 'images' | 'leadImage'>, imageId: string) =>
  s.images?.[imageId] ?? (s.leadImage?.imageId === imageId ? s.leadImage : undefined);

/** The source of one image of a published page, sized from the snapshot's image records. */
export function snapshotImageSource(
  base: string,
  s: Pick<PublishedSnapshot, 'images' | 'leadImage'>,
  imageId: string,
): ImageSource {
  return imageSource(base, imageId, snapshotImageSize(s, imageId));
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a field of an article-image JSON node, flat or from its NodeState (`$`). */
function read(node: Json, key: string): unknown {
  if (key in node) return node[key];
  return isObject(node.$) ? node.$[key] : undefined;
}

function write(node: Json, key: string, value: string): void {
  if (!(key in node) && isObject(node.$)) node.$[key] = value;
  else node[key] = value;
}

function blank(v: unknown): boolean {
  return typeof v !== 'string' || v.trim() === '';
}

/**
 * A copy of the body in which every inline image gets the credit of its image record (when the
 * record has one) and, without alt text, the record's alt text. The input is not modified; a body
 * needing neither is returned as is.
 */
export function withImageRecordFields(
  body: unknown,
  images: Readonly<Record<string, PublishedImage>>,
): unknown {
  let changed = false;
  const visit = (node: unknown, depth: number): unknown => {
    if (!isObject(node) || depth > 200) return node;
    let out = node;
    if (node.type === 'article-image') {
      const id = read(node, 'imageId');
      const img = typeof id === 'string' ? images[id] : undefined;
      // The library record's credit is the one the desk shows; the node's copy may be older.
      const needCredit =
        img !== undefined && !blank(img.credit) && read(node, 'credit') !== img.credit;
      const needAlt = img !== undefined && blank(read(node, 'alt')) && !blank(img.alt);
      if (img && (needCredit || needAlt)) {
        out = { ...node, ...(isObject(node.$) ? { $: { ...node.$ } } : {}) };
        if (needCredit) write(out, 'credit', img.credit);
        if (needAlt) write(out, 'alt', img.alt);
        changed = true;
      }
    }
    const children = node.children;
    if (Array.isArray(children)) {
      const next = children.map((c) => visit(c, depth + 1));
      if (next.some((c, i) => c !== children[i])) out = { ...out, children: next };
    }
    return out;
  };
  if (!isObject(body)) return body;
  const root = visit(body.root, 0);
  return changed ? { ...body, root } : body;
}

/**
 * Images on published pages: the responsive source set of an image (its WebP renditions at
 * /media/:imageId/:width.webp) and the credit of inline images taken from the image record (alt
 * text when the node has none; the checklist accepts either, the page shows "Bildquelle" always).
 */
import type { ImageSource } from '../../src-shared/richtext/html';
import { RENDITION_WIDTHS } from '../media/renditions';
import type { PublishedImage, PublishedSnapshot } from '../../src-shared/publish/types';

/** The article column is 42rem wide with 1rem padding (publish/css.ts). */
export const IMAGE_SIZES = '(max-width: 42rem) calc(100vw - 2rem), 40rem';
/** The width of the `src` fallback for browsers without srcset. */
const FALLBACK_WIDTH = 1024;

export function renditionUrl(base: string, imageId: string, width: number): string {
  return `${base}/media/${encodeURIComponent(imageId)}/${width}.webp`;
}

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
  const known = size !== undefined && size.width > 0 && size.height > 0;
  const seen = new Set<number>();
  const candidates: string[] = [];
  for (const w of RENDITION_WIDTHS) {
    const actual = known ? Math.min(w, size.width) : w;
    if (seen.has(actual)) continue;
    seen.add(actual);
    candidates.push(`${renditionUrl(base, imageId, w)} ${actual}w`);
  }
  const source: ImageSource = {
    src: renditionUrl(base, imageId, FALLBACK_WIDTH),
    srcset: candidates.join(', '),
    sizes: IMAGE_SIZES,
  };
  if (known) {
    source.width = size.width;
    source.height = size.height;
  }
  return source;
}

/** The source of one image of a published page, sized from the snapshot's image records. */
export function snapshotImageSource(
  base: string,
  s: Pick<PublishedSnapshot, 'images' | 'leadImage'>,
  imageId: string,
): ImageSource {
  const size = s.images?.[imageId] ?? (s.leadImage?.imageId === imageId ? s.leadImage : undefined);
  return imageSource(base, imageId, size);
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

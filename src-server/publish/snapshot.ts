/**
 * Publication side effects of workflow transitions, run inside the mutation's transaction:
 * publish/correct write a snapshot of the article (what readers see until the next correction),
 * unpublish marks it gone (410). The slug is fixed at first publication; only a correction (or a
 * republication) of an article whose slug field was changed renames it, and the old address then
 * answers 301 with the new one (slug_redirects).
 */
import { capSlug, slugify } from '../../src-shared/model';
import type { ArticleState } from '../../src-shared/mutations';
import { buildSnapshot } from '../../src-shared/publish/snapshot';
import type { PublishedImage } from '../../src-shared/publish/types';
import type { PublishedSnapshot, Tx } from '../storage/types';
import { withImageRecordFields } from './images';

export { resolveSection } from '../../src-shared/publish/snapshot';

/** A slug no other article has, now or as a former address that still redirects. */
async function uniqueSlug(tx: Tx, wanted: string, articleId: string): Promise<string> {
  const base = capSlug(wanted) || articleId.slice(0, 8);
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const taken = await tx.getPublishedBySlug(candidate);
    if (taken && taken.articleId !== articleId) continue;
    const redirect = await tx.getSlugRedirect(candidate);
    if (redirect === undefined || redirect === articleId) return candidate;
  }
  return `${base}-${articleId}`;
}

/**
 * The slug of this publication: the first one's, unless the desk changed the slug field since,
 * which renames the page and keeps the former address as a redirect.
 */
async function publicationSlug(
  tx: Tx,
  article: ArticleState,
  existing: { slug: string } | undefined,
  now: string,
): Promise<string> {
  if (!existing) return uniqueSlug(tx, article.slug || slugify(article.headline), article.id);
  if (article.slug === '' || capSlug(article.slug) === existing.slug) return existing.slug;
  const slug = await uniqueSlug(tx, article.slug, article.id);
  if (slug === existing.slug) return slug;
  await tx.deleteSlugRedirect(slug);
  await tx.putSlugRedirect(existing.slug, article.id, now);
  return slug;
}

/**
 * Records size, credit, alt text and every rights field of every image of the page in the
 * snapshot (for srcset and intrinsic size; the rights for the page's JSON-LD and the ninjs
 * associations, so they stay as published until a correction), and gives inline images without
 * a credit or alt text their record's.
 */
async function addImageRecords(tx: Tx, snapshot: PublishedSnapshot): Promise<void> {
  const images: Record<string, PublishedImage> = {};
  for (const id of snapshot.imageIds) {
    const img = await tx.getImage(id);
    if (!img) continue;
    const { creator, credit, copyright, source, licence, licenceExpires } = img;
    images[id] = {
      width: img.width,
      height: img.height,
      credit: img.credit,
      alt: img.alt,
      rights: { creator, credit, copyright, source, licence, licenceExpires },
    };
  }
  snapshot.images = images;
  snapshot.body = withImageRecordFields(snapshot.body, images);
}

/** Writes the published snapshot; returns the article with its final slug. */
export async function publishSnapshot(
  tx: Tx,
  article: ArticleState,
  now: string,
): Promise<ArticleState> {
  const existing = await tx.getPublishedByArticle(article.id);
  const slug = await publicationSlug(tx, article, existing, now);
  const img = article.leadImage ? await tx.getImage(article.leadImage.imageId) : undefined;
  const snapshot = buildSnapshot(article, {
    slug,
    sections: await tx.listSections(),
    leadImage: img,
    existing,
    now,
  });
  await addImageRecords(tx, snapshot);
  await tx.putPublished({
    articleId: article.id,
    slug,
    state: 'live',
    snapshot,
    publishedAt: snapshot.publishedAt,
    updatedAt: now,
  });
  return article.slug === slug ? article : { ...article, slug };
}

export async function unpublishSnapshot(tx: Tx, articleId: string, now: string): Promise<void> {
  const existing = await tx.getPublishedByArticle(articleId);
  if (existing) await tx.putPublished({ ...existing, state: 'gone', updatedAt: now });
}

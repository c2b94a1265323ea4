/**
 * Publication side effects of workflow transitions, run inside the mutation's transaction:
 * publish/correct write a snapshot of the article (what readers see until the next correction),
 * unpublish marks it gone (410). The slug is fixed at first publication.
 */
import { capSlug, slugify } from '../../src-shared/model';
import type { ArticleState } from '../../src-shared/mutations';
import { buildSnapshot } from '../../src-shared/publish/snapshot';
import type { PublishedImage } from '../../src-shared/publish/types';
import type { PublishedSnapshot, Tx } from '../storage/types';
import { withImageRecordFields } from './images';

export { resolveSection } from '../../src-shared/publish/snapshot';

async function uniqueSlug(tx: Tx, wanted: string, articleId: string): Promise<string> {
  const base = capSlug(wanted) || articleId.slice(0, 8);
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const taken = await tx.getPublishedBySlug(candidate);
    if (!taken || taken.articleId === articleId) return candidate;
  }
  return `${base}-${articleId}`;
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
  const slug =
    existing?.slug ?? (await uniqueSlug(tx, article.slug || slugify(article.headline), article.id));
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

/**
 * Publication side effects of workflow transitions, run inside the mutation's transaction:
 * publish/correct write a snapshot of the article (what readers see until the next correction),
 * unpublish marks it gone (410). The slug is fixed at first publication.
 */
import { slugify } from '../../src-shared/model';
import { inlineImagesOf } from '../../src-shared/checklist';
import type { ArticleState } from '../../src-shared/mutations';
import type { PublishedSnapshot, Section, Tx } from '../storage/types';

export function resolveSection(sections: readonly Section[], value: string | null): Section | null {
  if (value === null || value.trim() === '') return null;
  const v = value.trim().toLowerCase();
  return sections.find((s) => s.slug === v || s.name.toLowerCase() === v) ?? null;
}

async function uniqueSlug(tx: Tx, wanted: string, articleId: string): Promise<string> {
  const base = wanted || articleId.slice(0, 8);
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const taken = await tx.getPublishedBySlug(candidate);
    if (!taken || taken.articleId === articleId) return candidate;
  }
  return `${base}-${articleId}`;
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
  const section = resolveSection(await tx.listSections(), article.section);
  let leadImage: PublishedSnapshot['leadImage'] = null;
  if (article.leadImage) {
    const img = await tx.getImage(article.leadImage.imageId);
    if (img) {
      leadImage = {
        imageId: img.id,
        caption: article.leadImage.caption || img.caption,
        credit: img.credit,
        alt: img.alt,
        width: img.width,
        height: img.height,
      };
    }
  }
  const inline = inlineImagesOf(article.body).flatMap((i) => (i.imageId ? [i.imageId] : []));
  const snapshot: PublishedSnapshot = {
    articleId: article.id,
    slug,
    kicker: article.kicker,
    headline: article.headline,
    teaser: article.teaser,
    byline: article.byline,
    body: article.body,
    sectionSlug: section?.slug ?? null,
    sectionName: section?.name ?? article.section,
    tags: article.tags,
    links: article.links,
    leadImage,
    imageIds: [...new Set([...(leadImage ? [leadImage.imageId] : []), ...inline])],
    publishedAt: existing?.publishedAt ?? article.publishedAt ?? now,
    correctedAt: existing ? now : article.correctedAt,
  };
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

/**
 * The pure part of publication: which section an article's value names, and the snapshot readers
 * see (taken by the server at publish/correct time; built the same way for the desktop preview).
 * Its body is the article's with every open suggestion rejected (docs/data-model.md).
 */
import { inlineImagesOf } from '../checklist';
import { withSuggestionsRejected } from '../richtext/suggestions';
import type { PublishedSnapshot, SiteSection, SnapshotImage } from './types';

export function resolveSection<S extends SiteSection>(
  sections: readonly S[],
  value: string | null,
): S | null {
  if (value === null || value.trim() === '') return null;
  const v = value.trim().toLowerCase();
  return sections.find((s) => s.slug === v || s.name.toLowerCase() === v) ?? null;
}

/** The article fields a snapshot is made of. */
export interface SnapshotArticle {
  id: string;
  kicker: string;
  headline: string;
  teaser: string;
  byline: string;
  body: unknown;
  section: string | null;
  tags: string[];
  links: { url: string; label: string }[];
  leadImage: { imageId: string; caption: string; alt?: string } | null;
  metaDescription: string;
  socialImageId: string | null;
  publishedAt: string | null;
  correctedAt: string | null;
}

export interface SnapshotInput {
  slug: string;
  sections: readonly SiteSection[];
  /** The record of the lead image (undefined: unknown, so the page shows none). */
  leadImage: SnapshotImage | undefined;
  /** The live snapshot this one replaces (a correction keeps the first publication time). */
  existing: { publishedAt: string } | undefined;
  now: string;
}

export function buildSnapshot(article: SnapshotArticle, input: SnapshotInput): PublishedSnapshot {
  const section = resolveSection(input.sections, article.section);
  const img = article.leadImage ? input.leadImage : undefined;
  const leadImage: PublishedSnapshot['leadImage'] =
    article.leadImage && img
      ? {
          imageId: img.id,
          caption: article.leadImage.caption || img.caption,
          credit: img.credit,
          alt: article.leadImage.alt?.trim() || img.alt,
          width: img.width,
          height: img.height,
        }
      : null;
  const inline = inlineImagesOf(article.body).flatMap((i) => (i.imageId ? [i.imageId] : []));
  return {
    articleId: article.id,
    slug: input.slug,
    kicker: article.kicker,
    headline: article.headline,
    teaser: article.teaser,
    byline: article.byline,
    // Open suggestions are never published: the snapshot holds the body as if all were rejected.
    body: withSuggestionsRejected(article.body),
    sectionSlug: section?.slug ?? null,
    sectionName: section?.name ?? article.section,
    tags: article.tags,
    links: article.links,
    leadImage,
    metaDescription: article.metaDescription.trim(),
    socialImageId: article.socialImageId,
    imageIds: [
      ...new Set([
        ...(leadImage ? [leadImage.imageId] : []),
        ...inline,
        ...(article.socialImageId ? [article.socialImageId] : []),
      ]),
    ],
    publishedAt: input.existing?.publishedAt ?? article.publishedAt ?? input.now,
    correctedAt: input.existing ? input.now : article.correctedAt,
  };
}

/**
 * Read side of the published site: body HTML through the shared safe renderer (cached per
 * snapshot), summaries for lists and the JSON API. Images are addressed by image id (their
 * renditions /media/:imageId/:width.webp), never by a src stored in the body JSON.
 */
import type { PublishedArticle, PublishedSummary } from '../../src-shared/protocol';
import { snapshotBodyHtml } from '../../src-shared/publish/body';
import type { TeaserItem } from '../../src-shared/publish/pages';
import type { PublishedRow, PublishedSnapshot } from '../storage/types';
import { renditionUrl, snapshotImageSource } from './images';
import { LARGEST_RENDITION } from '../media/renditions';

const CACHE_SIZE = 500;

export class PublishedView {
  private readonly cache = new Map<string, string>();

  constructor(private readonly baseUrl: () => string) {}

  bodyHtml(s: PublishedSnapshot): string {
    const key = `${s.articleId}|${s.correctedAt ?? s.publishedAt}|${this.baseUrl()}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const html = snapshotBodyHtml(s, (id) => snapshotImageSource(this.baseUrl(), s, id));
    this.cache.set(key, html);
    if (this.cache.size > CACHE_SIZE) {
      const first = this.cache.keys().next().value;
      if (first !== undefined) this.cache.delete(first);
    }
    return html;
  }

  teaser(row: PublishedRow): TeaserItem {
    const s = row.snapshot;
    return {
      slug: row.slug,
      kicker: s.kicker,
      headline: s.headline,
      teaser: s.teaser,
      publishedAt: s.publishedAt,
      correctedAt: s.correctedAt,
    };
  }

  summary(row: PublishedRow): PublishedSummary {
    const s = row.snapshot;
    return {
      slug: row.slug,
      url: `${this.baseUrl()}/articles/${encodeURIComponent(row.slug)}`,
      kicker: s.kicker,
      headline: s.headline,
      teaser: s.teaser,
      section: s.sectionSlug && s.sectionName ? { slug: s.sectionSlug, name: s.sectionName } : null,
      tags: s.tags,
      publishedAt: s.publishedAt,
      updatedAt: s.correctedAt,
    };
  }

  article(row: PublishedRow): PublishedArticle {
    const s = row.snapshot;
    return {
      ...this.summary(row),
      id: s.articleId,
      byline: s.byline,
      bodyHtml: this.bodyHtml(s),
      links: s.links,
      leadImage: s.leadImage
        ? {
            url: renditionUrl(this.baseUrl(), s.leadImage.imageId, LARGEST_RENDITION),
            caption: s.leadImage.caption,
            credit: s.leadImage.credit,
            alt: s.leadImage.alt,
          }
        : null,
    };
  }
}

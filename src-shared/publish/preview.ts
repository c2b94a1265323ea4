/**
 * The desktop preview: the article page exactly as the site will render it, from the local
 * article, its image records and the section list (no network). Images come as data: URLs.
 */
import type { Article } from '../model';
import { snapshotBodyHtml } from './body';
import { articlePage } from './pages';
import { buildSnapshot } from './snapshot';
import type { SiteSection, SnapshotImage } from './types';

export interface PreviewInput {
  article: Article;
  sections: readonly SiteSection[];
  /** Image records by id (lead and inline images); unknown ids are left out as on the site. */
  images: ReadonlyMap<string, SnapshotImage>;
  /** A data: URL (or other src) of an image, or null when none is available offline. */
  imageUrl: (imageId: string) => string | null;
  stylesheetUrl: string;
  /** Server time of publication stands in for "now" on a draft. */
  now: string;
  baseUrl?: string;
}

const PREVIEW_IMAGE_SCHEMES = ['data', 'blob', 'https', 'http'] as const;

export function previewPage(input: PreviewInput): string {
  const a = input.article;
  const lead = a.leadImage ? input.images.get(a.leadImage.imageId) : undefined;
  const snapshot = buildSnapshot(
    { ...a, correctedAt: null },
    {
      slug: a.slug || a.id,
      sections: input.sections,
      leadImage: lead,
      existing: undefined,
      now: input.now,
    },
  );
  const bodyHtml = snapshotBodyHtml(snapshot, input.imageUrl, PREVIEW_IMAGE_SCHEMES);
  return articlePage(
    snapshot,
    bodyHtml,
    [],
    {
      sections: input.sections,
      baseUrl: input.baseUrl ?? '',
      mediaUrl: (id) => input.imageUrl(id) ?? '',
      stylesheetUrl: input.stylesheetUrl,
    },
    false,
  );
}

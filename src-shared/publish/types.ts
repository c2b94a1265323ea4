import type { SnapshotRights } from './rights';

/** What readers see of a published article: a snapshot taken at publish/correct time. */
export interface PublishedSnapshot {
  articleId: string;
  slug: string;
  kicker: string;
  headline: string;
  teaser: string;
  byline: string;
  body: unknown;
  sectionSlug: string | null;
  sectionName: string | null;
  tags: string[];
  links: { url: string; label: string }[];
  leadImage: {
    imageId: string;
    caption: string;
    credit: string;
    alt: string;
    width: number;
    height: number;
  } | null;
  /** What search engines show ('' or absent in older snapshots: the teaser). */
  metaDescription?: string;
  /** The image shared on social networks (null or absent: the lead image). */
  socialImageId?: string | null;
  /** Ids of every image the page shows or shares (lead, inline, social): only these are served publicly. */
  imageIds: string[];
  /** Size, credit, alt text and rights of those images' records (absent in older snapshots). */
  images?: Record<string, PublishedImage>;
  publishedAt: string;
  correctedAt: string | null;
}

/** What a published page shows of an image record. */
export interface PublishedImage {
  width: number;
  height: number;
  credit: string;
  alt: string;
  /** Every rights field of the record at publication (absent in older snapshots). */
  rights?: SnapshotRights;
}

export interface SiteSection {
  slug: string;
  name: string;
}

/** What the snapshot needs to know about an image record. */
export interface SnapshotImage {
  id: string;
  caption: string;
  credit: string;
  alt: string;
  width: number;
  height: number;
}

/** One published rendition of an image: its absolute URL and actual size. */
export interface Rendition {
  url: string;
  width: number;
  height: number;
}

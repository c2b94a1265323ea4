/**
 * What search engines and social networks read of an article page: meta description, robots,
 * OpenGraph and Twitter tags, and schema.org NewsArticle JSON-LD (typed against schema.org by
 * schema-dts). The description is the article's own, else the teaser; the image is the social
 * image the desk chose, else the lead image (else the first image of the page), as its published
 * renditions.
 */
import type { ImageObject, NewsArticle, WithContext } from 'schema-dts';
import { bodyPlainText } from '../richtext/plainText';
import { esc } from './format';
import { licenceUrl, NO_RIGHTS, type SnapshotRights } from './rights';
import { PUBLISHER_NAME, SITE_LANGUAGE, SITE_NAME } from './site';
import type { PublishedSnapshot, Rendition } from './types';

/** Longer descriptions are cut by search engines anyway. */
const DESCRIPTION_MAX = 160;

export interface ArticleMetaInput {
  /** The article's canonical URL. */
  url: string;
  baseUrl: string;
  /** Renditions of the page's social image, smallest first (none: no image tags). */
  image: readonly Rendition[];
}

/**
 * The description the desk wrote, else the teaser, else the start of the body; on one line. The
 * teaser and body are cut at a word; the desk's own text is its choice (the desk counts against
 * 160 characters).
 */
export function metaDescription(
  s: Pick<PublishedSnapshot, 'teaser' | 'body' | 'metaDescription'>,
): string {
  const own = (s.metaDescription ?? '').replace(/\s+/g, ' ').trim();
  if (own) return own;
  const text = (s.teaser.trim() || bodyPlainText(s.body)).replace(/\s+/g, ' ').trim();
  if (text.length <= DESCRIPTION_MAX) return text;
  const cut = text.slice(0, DESCRIPTION_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > DESCRIPTION_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The id of the image shared with the page: the one the desk chose, else the lead image, else
 * the first image the page shows.
 */
export function socialImageId(
  s: Pick<PublishedSnapshot, 'leadImage' | 'imageIds' | 'socialImageId'>,
): string | null {
  return s.socialImageId ?? s.leadImage?.imageId ?? s.imageIds[0] ?? null;
}

interface ImageInfo {
  alt: string;
  credit: string;
  caption: string;
  /** As published (the snapshot), not as the image record is now. */
  rights: SnapshotRights;
}

function imageInfo(s: PublishedSnapshot): ImageInfo {
  const id = socialImageId(s);
  const record = id ? s.images?.[id] : undefined;
  const rights = record?.rights ?? NO_RIGHTS;
  if (s.leadImage && s.leadImage.imageId === id) return { ...s.leadImage, rights };
  return { alt: record?.alt ?? '', credit: record?.credit ?? '', caption: '', rights };
}

/** The image's rights as schema.org (and Google Images' licence details) names them. */
function imageRights(info: ImageInfo): Partial<ImageObject> {
  const r = info.rights;
  const license = licenceUrl(r.licence);
  return {
    ...(r.creator.trim() ? { creator: { '@type': 'Person', name: r.creator.trim() } } : {}),
    ...(info.credit ? { creditText: info.credit } : {}),
    ...(r.copyright.trim() ? { copyrightNotice: r.copyright.trim() } : {}),
    ...(license ? { license } : {}),
  };
}

export function newsArticleJsonLd(
  s: PublishedSnapshot,
  input: ArticleMetaInput,
): WithContext<NewsArticle> {
  const info = imageInfo(s);
  const images: ImageObject[] = input.image.map((r) => ({
    '@type': 'ImageObject',
    url: r.url,
    contentUrl: r.url,
    width: { '@type': 'QuantitativeValue', value: r.width, unitCode: 'E37' },
    height: { '@type': 'QuantitativeValue', value: r.height, unitCode: 'E37' },
    ...(info.caption ? { caption: info.caption } : {}),
    ...(info.alt ? { description: info.alt } : {}),
    ...imageRights(info),
  }));
  const publisher = {
    '@type': 'NewsMediaOrganization',
    name: PUBLISHER_NAME,
    url: `${input.baseUrl}/`,
  } as const;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: s.headline,
    ...(s.kicker ? { alternativeHeadline: s.kicker } : {}),
    description: metaDescription(s),
    ...(images.length > 0 ? { image: images } : {}),
    datePublished: s.publishedAt,
    dateModified: s.correctedAt ?? s.publishedAt,
    author: s.byline.trim() ? [{ '@type': 'Person', name: s.byline.trim() }] : [publisher],
    publisher,
    ...(s.sectionName ? { articleSection: s.sectionName } : {}),
    ...(s.tags.length > 0 ? { keywords: s.tags } : {}),
    inLanguage: SITE_LANGUAGE,
    isAccessibleForFree: true,
  };
}

/**
 * JSON inside <script>: `<`, `>` and `&` as \u escapes so no text can close the element or open
 * a comment; U+2028/2029 likewise for old parsers.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const meta = (attr: 'name' | 'property', key: string, value: string) =>
  `<meta ${attr}="${key}" content="${esc(value)}">`;

/** The <head> lines of an article page (without canonical, which the layout writes). */
export function articleHead(s: PublishedSnapshot, input: ArticleMetaInput): string {
  const description = metaDescription(s);
  const largest = input.image.at(-1);
  const info = imageInfo(s);
  const lines = [
    meta('name', 'description', description),
    meta('property', 'og:type', 'article'),
    meta('property', 'og:site_name', SITE_NAME),
    meta('property', 'og:locale', 'de_DE'),
    meta('property', 'og:url', input.url),
    meta('property', 'og:title', s.headline),
    meta('property', 'og:description', description),
  ];
  if (largest) {
    lines.push(
      meta('property', 'og:image', largest.url),
      meta('property', 'og:image:type', 'image/webp'),
      meta('property', 'og:image:width', String(largest.width)),
      meta('property', 'og:image:height', String(largest.height)),
    );
    if (info.alt) lines.push(meta('property', 'og:image:alt', info.alt));
  }
  lines.push(
    meta('property', 'article:published_time', s.publishedAt),
    meta('property', 'article:modified_time', s.correctedAt ?? s.publishedAt),
  );
  if (s.sectionName) lines.push(meta('property', 'article:section', s.sectionName));
  for (const tag of s.tags) lines.push(meta('property', 'article:tag', tag));
  lines.push(
    meta('name', 'twitter:card', largest ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', s.headline),
    meta('name', 'twitter:description', description),
  );
  if (largest) {
    lines.push(meta('name', 'twitter:image', largest.url));
    if (info.alt) lines.push(meta('name', 'twitter:image:alt', info.alt));
  }
  lines.push(
    `<script type="application/ld+json">${jsonForScript(newsArticleJsonLd(s, input))}</script>`,
  );
  return lines.join('\n');
}

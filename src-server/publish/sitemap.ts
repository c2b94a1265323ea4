/**
 * What crawlers read first: /robots.txt, the sitemap of every live article (sitemaps.org 0.9) and
 * the Google News sitemap of the articles published in the last two days.
 */
import type { PublishedSnapshot } from '../storage/types';
import { PUBLISHER_NAME, SITE_LANGUAGE } from '../../src-shared/publish/site';
import type { SiteSection } from '../../src-shared/publish/types';
import { xmlEsc as esc } from './xml';

/** sitemaps.org: at most 50,000 URLs per sitemap. */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News: articles of the last two days, at most 1,000 per sitemap. */
export const NEWS_SITEMAP_MAX_AGE_MS = 2 * 24 * 60 * 60 * 1000;
export const NEWS_SITEMAP_MAX_URLS = 1_000;

export const articleUrl = (baseUrl: string, slug: string) =>
  `${baseUrl}/articles/${encodeURIComponent(slug)}`;

export function robotsTxt(baseUrl: string): string {
  return `User-agent: *
Allow: /
Disallow: /api/

Sitemap: ${baseUrl}/sitemap.xml
Sitemap: ${baseUrl}/news-sitemap.xml
`;
}

type SitemapArticle = Pick<PublishedSnapshot, 'slug' | 'publishedAt' | 'correctedAt'>;

export function sitemapXml(
  baseUrl: string,
  sections: readonly SiteSection[],
  articles: readonly SitemapArticle[],
): string {
  const newest = articles[0];
  const url = (loc: string, lastmod?: string) =>
    `<url><loc>${esc(loc)}</loc>${lastmod ? `<lastmod>${esc(lastmod)}</lastmod>` : ''}</url>`;
  const lines = [
    url(`${baseUrl}/`, newest ? (newest.correctedAt ?? newest.publishedAt) : undefined),
    ...sections.map((s) => url(`${baseUrl}/sections/${encodeURIComponent(s.slug)}`)),
    ...articles
      .slice(0, SITEMAP_MAX_URLS - 1 - sections.length)
      .map((a) => url(articleUrl(baseUrl, a.slug), a.correctedAt ?? a.publishedAt)),
  ];
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${lines.join('\n')}
</urlset>
`;
}

export function newsSitemapXml(
  baseUrl: string,
  articles: readonly Pick<PublishedSnapshot, 'slug' | 'publishedAt' | 'headline'>[],
): string {
  const lines = articles.slice(0, NEWS_SITEMAP_MAX_URLS).map(
    (a) => `<url><loc>${esc(articleUrl(baseUrl, a.slug))}</loc><news:news>
<news:publication><news:name>${esc(PUBLISHER_NAME)}</news:name><news:language>${SITE_LANGUAGE}</news:language></news:publication>
<news:publication_date>${esc(a.publishedAt)}</news:publication_date>
<news:title>${esc(a.headline)}</news:title>
</news:news></url>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${lines.join('\n')}
</urlset>
`;
}

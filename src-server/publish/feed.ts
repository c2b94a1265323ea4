/**
 * Atom feeds (RFC 4287) of the newest published articles, of the whole site or of one section.
 * Each entry carries the lead image as an enclosure (its largest rendition) with its credit, also
 * as Media RSS for readers that show pictures; the body, or the teaser when there is no body.
 */
import type { PublishedSnapshot } from '../storage/types';
import { bodyPlainText } from '../../src-shared/richtext/plainText';
import { PUBLISHER_NAME, SITE_LANGUAGE, SITE_NAME } from '../../src-shared/publish/site';
import { RENDITION_MIME, RENDITION_WIDTHS } from '../media/renditions';
import { imageRenditions, renditionUrl } from './images';
import { articleUrl } from './sitemap';
import { xmlEsc as esc } from './xml';

export interface FeedEntry {
  snapshot: PublishedSnapshot;
  bodyHtml: string;
}

export interface FeedInfo {
  baseUrl: string;
  /** The feed's own path, e.g. /feed.xml or /sections/politik/feed.xml. */
  path: string;
  /** The HTML page the feed belongs to, e.g. / or /sections/politik. */
  pagePath: string;
  title: string;
  now: string;
}

const LARGEST = RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1]!;

const updatedOf = (s: PublishedSnapshot) => s.correctedAt ?? s.publishedAt;

function enclosure(s: PublishedSnapshot, baseUrl: string): string {
  const img = s.leadImage;
  if (!img) return '';
  // The largest distinct rendition (never enlarged), the same URL the page's metadata names.
  const largest = imageRenditions(baseUrl, img.imageId, img).at(-1);
  const url = esc(largest?.url ?? renditionUrl(baseUrl, img.imageId, LARGEST));
  const credit = img.credit.trim() ? `Bildquelle: ${img.credit}` : '';
  const size = largest ? ` width="${largest.width}" height="${largest.height}"` : '';
  return (
    `<link rel="enclosure" type="${RENDITION_MIME}" href="${url}"${credit ? ` title="${esc(credit)}"` : ''}/>\n` +
    `<media:content url="${url}" type="${RENDITION_MIME}" medium="image"${size}>` +
    (img.credit.trim() ? `<media:credit>${esc(img.credit)}</media:credit>` : '') +
    (img.alt.trim() ? `<media:description type="plain">${esc(img.alt)}</media:description>` : '') +
    `</media:content>\n`
  );
}

function rights(s: PublishedSnapshot): string {
  const year = s.publishedAt.slice(0, 4);
  const image = s.leadImage?.credit.trim() ? `; Bild: ${s.leadImage.credit}` : '';
  return `© ${year} ${PUBLISHER_NAME}${image}`;
}

/** The body HTML, or the teaser as a paragraph when the article has no body. */
function content(s: PublishedSnapshot, bodyHtml: string): string {
  const hasBody = bodyPlainText(s.body).trim() !== '' || /<img\b/i.test(bodyHtml);
  if (hasBody) return bodyHtml;
  return s.teaser.trim() ? `<p>${esc(s.teaser)}</p>` : '';
}

export function atomFeed(entries: readonly FeedEntry[], info: FeedInfo): string {
  const { baseUrl } = info;
  const feedUpdated = entries.reduce(
    (max, e) => (updatedOf(e.snapshot) > max ? updatedOf(e.snapshot) : max),
    entries.length > 0 ? '' : info.now,
  );
  const items = entries.map(({ snapshot: s, bodyHtml }) => {
    const url = articleUrl(baseUrl, s.slug);
    const title = s.kicker ? `${s.kicker} ${s.headline}` : s.headline;
    const categories = s.tags.map((t) => `<category term="${esc(t)}"/>`).join('');
    const html = content(s, bodyHtml);
    return `<entry>
<id>urn:uuid:${esc(s.articleId)}</id>
<title>${esc(title)}</title>
<link rel="alternate" type="text/html" href="${esc(url)}"/>
${enclosure(s, baseUrl)}<published>${esc(s.publishedAt)}</published>
<updated>${esc(updatedOf(s))}</updated>
<author><name>${esc(s.byline || 'Redaktion')}</name></author>
<rights>${esc(rights(s))}</rights>
${categories}${s.teaser.trim() ? `<summary>${esc(s.teaser)}</summary>\n` : ''}<content type="html">${esc(html)}</content>
</entry>`;
  });
  const self = `${baseUrl}${info.path}`;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="${SITE_LANGUAGE}">
<id>${esc(self)}</id>
<title>${esc(info.title)}</title>
<updated>${esc(feedUpdated)}</updated>
<link rel="self" type="application/atom+xml" href="${esc(self)}"/>
<link rel="alternate" type="text/html" href="${esc(`${baseUrl}${info.pagePath}`)}"/>
<author><name>${esc(PUBLISHER_NAME)}</name></author>
<rights>© ${esc(info.now.slice(0, 4))} ${esc(PUBLISHER_NAME)}</rights>
<generator>${esc(SITE_NAME)}</generator>
${items.join('\n')}
</feed>
`;
}

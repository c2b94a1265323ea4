/**
 * HTML of the published site: article page (the structure of fixtures/seed-article.txt), section
 * pages, front page. Every value is escaped here; the body HTML comes from the shared safe
 * renderer (src-shared/richtext/html.ts). No inline styles or scripts (strict CSP).
 */
import { checkLinkUrl } from '../model';
import type { ImageSource } from '../richtext/html';
import { esc, germanDate } from './format';
import { articleHead, socialImageId } from './meta';
import type { PublishedSnapshot, Rendition, SiteSection } from './types';

export interface PageChrome {
  sections: readonly SiteSection[];
  baseUrl: string;
  /**
   * Where images are loaded from: the site gives its renditions (src, srcset, sizes), a preview
   * passes data: URLs; default /media/:imageId/1600.webp.
   */
  mediaUrl?: (imageId: string) => string | ImageSource;
  /** The site's stylesheet; /static/site.css unless a preview serves it from elsewhere. */
  stylesheetUrl?: string;
  /**
   * Absolute URLs and sizes of an image's renditions, for the article's social and structured
   * data (the site gives them; a preview has none, so its metadata names no image).
   */
  imageRenditions?: (imageId: string) => readonly Rendition[];
}

const sectionOrder = new Intl.Collator('de');

// The site passes its renditions; this default is the largest one (never the original).
const siteMediaUrl = (imageId: string): string => `/media/${encodeURIComponent(imageId)}/1600.webp`;

/** A list page's own Atom feed (a section's), advertised next to the site's. */
export interface SectionFeed {
  title: string;
  href: string;
}

export interface TeaserItem {
  slug: string;
  kicker: string;
  headline: string;
  teaser: string;
  publishedAt: string;
  correctedAt: string | null;
}

function layout(
  title: string,
  main: string,
  chrome: PageChrome,
  opts: { canonical?: string; print?: boolean; feed?: SectionFeed; head?: string } = {},
): string {
  // Sorted here, so the site and the desk's preview (whose sections come from the desk's own
  // list, in its order) show the same navigation, and "Ökonomie" sorts as German readers expect.
  const nav = [...chrome.sections]
    .sort((a, b) => sectionOrder.compare(a.name, b.name))
    .map((s) => `<a href="/sections/${esc(encodeURIComponent(s.slug))}">${esc(s.name)}</a>`)
    .join(' ');
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="${esc(chrome.stylesheetUrl ?? '/static/site.css')}">
<link rel="alternate" type="application/atom+xml" title="Copydesk – alle Meldungen" href="/feed.xml">
${opts.feed ? `<link rel="alternate" type="application/atom+xml" title="${esc(opts.feed.title)}" href="${esc(opts.feed.href)}">\n` : ''}${opts.canonical ? `<link rel="canonical" href="${esc(opts.canonical)}">\n` : ''}${opts.head ? `${opts.head}\n` : ''}${opts.print ? '<meta name="robots" content="noindex">\n' : ''}</head>
<body${opts.print ? ' class="print"' : ''}>
<header class="site"><a class="brand" href="/">Copydesk</a><nav aria-label="Ressorts">${nav}</nav></header>
<main>
${main}
</main>
<footer class="site"><a href="/feed.xml">Atom-Feed</a></footer>
</body>
</html>
`;
}

function dateLine(publishedAt: string, correctedAt: string | null): string {
  const updated = correctedAt
    ? ` <span class="updated">(aktualisiert am <time datetime="${esc(correctedAt)}">${germanDate(correctedAt)}</time>)</span>`
    : '';
  return `<p class="meta"><time datetime="${esc(publishedAt)}">[${germanDate(publishedAt)}]</time>${updated}</p>`;
}

export function teaserList(items: readonly TeaserItem[], headingLevel = 3): string {
  if (items.length === 0) return '<p>Keine Meldungen.</p>';
  const h = `h${headingLevel}`;
  const lis = items.map(
    (a) => `<li><article>
${a.kicker ? `<p class="kicker">${esc(a.kicker)}</p>\n` : ''}<${h}><a href="/articles/${esc(encodeURIComponent(a.slug))}">${esc(a.headline)}</a></${h}>
${dateLine(a.publishedAt, a.correctedAt)}
<p>${esc(a.teaser)}</p>
</article></li>`,
  );
  return `<ul class="teaser-list">\n${lis.join('\n')}\n</ul>`;
}

export function articlePage(
  s: PublishedSnapshot,
  bodyHtml: string,
  related: readonly TeaserItem[],
  chrome: PageChrome,
  print: boolean,
): string {
  const url = `${chrome.baseUrl}/articles/${encodeURIComponent(s.slug)}`;
  const parts: string[] = ['<article class="story">'];
  if (s.kicker) parts.push(`<p class="kicker">${esc(s.kicker)}</p>`);
  parts.push(`<h1>${esc(s.headline)}</h1>`);
  parts.push(dateLine(s.publishedAt, s.correctedAt));
  if (s.teaser) parts.push(`<p class="teaser">${esc(s.teaser)}</p>`);
  if (s.leadImage) {
    const img = s.leadImage;
    const size =
      img.width > 0 && img.height > 0 ? ` width="${img.width}" height="${img.height}"` : '';
    const source = (chrome.mediaUrl ?? siteMediaUrl)(img.imageId);
    const src = typeof source === 'string' ? { src: source } : source;
    const responsive =
      (src.srcset ? ` srcset="${esc(src.srcset)}"` : '') +
      (src.sizes ? ` sizes="${esc(src.sizes)}"` : '');
    parts.push(
      `<figure class="lead"><img src="${esc(src.src)}"${responsive} alt="${esc(img.alt)}"${size}>` +
        `<figcaption>${img.caption ? `${esc(img.caption)} ` : ''}<span class="credit">Bildquelle: ${esc(img.credit)}</span></figcaption></figure>`,
    );
  }
  parts.push(`<div class="body">${bodyHtml}</div>`);
  if (s.byline) parts.push(`<p class="byline">(${esc(s.byline)})</p>`);
  const links = s.links.flatMap((l) => {
    const checked = checkLinkUrl(l.url);
    if (!checked.ok) return [];
    return [
      `<li><a href="${esc(checked.url)}" rel="noopener noreferrer">${esc(l.label || l.url)}</a></li>`,
    ];
  });
  if (links.length > 0) parts.push(`<ul class="links">${links.join('')}</ul>`);
  if (s.tags.length > 0)
    parts.push(`<p class="tags">Stichwörter: ${s.tags.map(esc).join(', ')}</p>`);
  if (s.leadImage) parts.push(`<p class="credit">Bildquelle: ${esc(s.leadImage.credit)}</p>`);
  const mail = `mailto:?subject=${encodeURIComponent(s.headline)}&body=${encodeURIComponent(url)}`;
  parts.push(
    `<p class="tools"><a href="/articles/${esc(encodeURIComponent(s.slug))}/print" rel="nofollow">Druckversion</a> <a href="${esc(mail)}">Link mailen</a></p>`,
  );
  parts.push('</article>');
  if (!print && s.sectionName) {
    parts.push(
      `<section class="more"><h2>Weitere Meldungen und Beiträge aus dem Bereich ${esc(s.sectionName)}</h2>\n${teaserList(related)}</section>`,
    );
  }
  const imageId = socialImageId(s);
  const head = print
    ? ''
    : `<meta name="robots" content="max-image-preview:large">\n${articleHead(s, {
        url,
        baseUrl: chrome.baseUrl,
        image: imageId ? (chrome.imageRenditions?.(imageId) ?? []) : [],
      })}`;
  return layout(`${s.headline} – Copydesk`, parts.join('\n'), chrome, {
    canonical: url,
    print,
    head,
  });
}

export function listPage(
  title: string,
  heading: string,
  items: readonly TeaserItem[],
  chrome: PageChrome,
  pager: { page: number; hasNext: boolean; path: string },
  feed?: SectionFeed,
): string {
  const links: string[] = [];
  if (pager.page > 1)
    links.push(
      `<a href="${esc(pager.path)}?page=${pager.page - 1}" rel="prev">Neuere Meldungen</a>`,
    );
  if (pager.hasNext)
    links.push(
      `<a href="${esc(pager.path)}?page=${pager.page + 1}" rel="next">Ältere Meldungen</a>`,
    );
  const main = `<section class="list"><h1>${esc(heading)}</h1>
${teaserList(items, 2)}
${links.length ? `<p class="pager">${links.join(' ')}</p>` : ''}</section>`;
  return layout(title, main, chrome, feed ? { feed } : {});
}

export function messagePage(title: string, message: string, chrome: PageChrome): string {
  return layout(title, `<h1>${esc(title)}</h1>\n<p>${esc(message)}</p>`, chrome);
}

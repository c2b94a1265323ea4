/** The Atom feed (RFC 4287) of the newest published articles. */
import type { PublishedSnapshot } from '../storage/types';
import { esc as escHtml } from '../../src-shared/publish/format';
import { cleanText } from '../../src-shared/text/rule';

/** Escaped text that is always valid XML 1.0: the text rule, and no U+FFFE/U+FFFF. */
const esc = (text: string) => escHtml(cleanText(text).replace(/[\ufffe\uffff]/g, ''));

export interface FeedEntry {
  snapshot: PublishedSnapshot;
  bodyHtml: string;
}

export function atomFeed(entries: readonly FeedEntry[], baseUrl: string, now: string): string {
  const updatedOf = (s: PublishedSnapshot) => s.correctedAt ?? s.publishedAt;
  const feedUpdated = entries.reduce(
    (max, e) => (updatedOf(e.snapshot) > max ? updatedOf(e.snapshot) : max),
    entries.length > 0 ? '' : now,
  );
  const items = entries.map(({ snapshot: s, bodyHtml }) => {
    const url = `${baseUrl}/articles/${encodeURIComponent(s.slug)}`;
    const title = s.kicker ? `${s.kicker} ${s.headline}` : s.headline;
    const categories = s.tags.map((t) => `<category term="${esc(t)}"/>`).join('');
    return `<entry>
<id>urn:uuid:${esc(s.articleId)}</id>
<title>${esc(title)}</title>
<link rel="alternate" type="text/html" href="${esc(url)}"/>
<published>${esc(s.publishedAt)}</published>
<updated>${esc(updatedOf(s))}</updated>
<author><name>${esc(s.byline || 'Redaktion')}</name></author>
${categories}<summary>${esc(s.teaser)}</summary>
<content type="html">${esc(bodyHtml)}</content>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
<id>${esc(baseUrl)}/feed.xml</id>
<title>Copydesk – alle Meldungen</title>
<updated>${esc(feedUpdated)}</updated>
<link rel="self" type="application/atom+xml" href="${esc(baseUrl)}/feed.xml"/>
<link rel="alternate" type="text/html" href="${esc(baseUrl)}/"/>
<author><name>Copydesk Redaktion</name></author>
${items.join('\n')}
</feed>
`;
}

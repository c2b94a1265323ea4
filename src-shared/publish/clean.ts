/**
 * A published snapshot with the text rule (../text/rule.ts) applied to everything readers see:
 * snapshots stored before the rule existed (a NUL in a headline, a lone surrogate) must not break
 * a page, the feed or the JSON API. The same object when nothing needed cleaning.
 */
import { cleanBody } from '../text/body';
import { cleanLine, cleanText } from '../text/rule';
import type { PublishedSnapshot } from './types';

export function cleanSnapshot(s: PublishedSnapshot): PublishedSnapshot {
  const lead = s.leadImage;
  const out: PublishedSnapshot = {
    ...s,
    kicker: cleanLine(s.kicker),
    headline: cleanLine(s.headline),
    teaser: cleanText(s.teaser),
    byline: cleanLine(s.byline),
    sectionName: s.sectionName === null ? null : cleanLine(s.sectionName),
    tags: s.tags.map(cleanLine),
    links: s.links.map((l) => ({ url: cleanLine(l.url), label: cleanLine(l.label) })),
    leadImage: lead
      ? {
          ...lead,
          caption: cleanText(lead.caption),
          credit: cleanLine(lead.credit),
          alt: cleanLine(lead.alt),
        }
      : null,
    body: cleanBody(s.body),
  };
  if (s.images) out.images = cleanBody(s.images);
  return out;
}

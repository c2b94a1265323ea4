/**
 * IPTC ninjs 2.2 (News in JSON) of published articles, for partners and aggregators: a live
 * article is `usable` with headlines, teaser, HTML body with counts, byline, section and tags as
 * subjects and its images as associations with renditions and rights; an unpublished one is
 * `canceled`. Image rights come from the image record (the current rights of the picture).
 */
import { bodyPlainText, countWords } from '../../src-shared/richtext/plainText';
import { PUBLISHER_NAME, SITE_LANGUAGE } from '../../src-shared/publish/site';
import type { Rendition } from '../../src-shared/publish/types';
import type { ImageState } from '../../src-shared/mutations';
import type { PublishedRow } from '../storage/types';
import { RENDITION_MIME } from '../media/renditions';
import { articleUrl } from './sitemap';

export const NINJS_VERSION = '2.2';
export const NINJS_SCHEMA = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json';

interface Text {
  role?: string;
  contenttype?: string;
  value: string;
}

export interface NinjsRendition {
  name: string;
  href: string;
  contenttype: string;
  width?: number;
  height?: number;
}

export interface NinjsItem {
  uri: string;
  type?: 'text' | 'picture';
  version?: string;
  standard?: { name: string; version: string; schema: string };
  firstcreated?: string;
  versioncreated?: string;
  pubstatus: 'usable' | 'canceled';
  language?: string;
  headlines?: Text[];
  descriptions?: Text[];
  bodies?: (Text & { charcount: number; wordcount: number })[];
  by?: string;
  copyrightholder?: string;
  copyrightnotice?: string;
  usageterms?: string;
  subjects?: { name: string; rel: string; uri?: string }[];
  renditions?: NinjsRendition[];
  associations?: (NinjsItem & { name: string })[];
}

/** An image of the article as the association needs it: its record and its renditions. */
export interface NinjsImage {
  role: string;
  record: Pick<
    ImageState,
    'id' | 'credit' | 'creator' | 'copyright' | 'licence' | 'alt' | 'caption'
  >;
  caption: string;
  renditions: readonly Rendition[];
}

const STANDARD = { name: 'ninjs', version: NINJS_VERSION, schema: NINJS_SCHEMA };

const uuidUri = (id: string) => `urn:uuid:${id}`;
const nonEmpty = <T extends { value: string }>(texts: T[]) =>
  texts.filter((t) => t.value.trim() !== '');

/** The version of an item: the milliseconds of its last change (grows with each correction). */
const versionOf = (iso: string) => String(Date.parse(iso));

function association(img: NinjsImage): NinjsItem & { name: string } {
  const r = img.record;
  const rights = <K extends string>(key: K, value: string) =>
    value.trim() ? ({ [key]: value } as Record<K, string>) : {};
  return {
    name: img.role,
    uri: uuidUri(r.id),
    type: 'picture',
    pubstatus: 'usable',
    ...(nonEmpty([{ role: 'caption', value: img.caption }]).length
      ? { headlines: [{ role: 'caption', value: img.caption }] }
      : {}),
    ...(r.alt.trim()
      ? { descriptions: [{ role: 'alt', contenttype: 'text/plain', value: r.alt }] }
      : {}),
    ...rights('by', r.creator || r.credit),
    ...rights('copyrightholder', r.credit),
    ...rights('copyrightnotice', r.copyright),
    ...rights('usageterms', r.licence),
    renditions: img.renditions.map((x) => ({
      name: `${x.width}w`,
      href: x.url,
      contenttype: RENDITION_MIME,
      width: x.width,
      height: x.height,
    })),
  };
}

export function ninjsItem(
  row: PublishedRow,
  bodyHtml: string,
  images: readonly NinjsImage[],
  baseUrl: string,
): NinjsItem {
  const s = row.snapshot;
  const updated = s.correctedAt ?? s.publishedAt;
  if (row.state === 'gone') {
    return {
      uri: uuidUri(row.articleId),
      type: 'text',
      version: versionOf(row.updatedAt),
      standard: STANDARD,
      firstcreated: s.publishedAt,
      versioncreated: row.updatedAt,
      pubstatus: 'canceled',
    };
  }
  const text = bodyPlainText(s.body);
  const subjects: NonNullable<NinjsItem['subjects']> = [];
  if (s.sectionSlug && s.sectionName)
    subjects.push({
      name: s.sectionName,
      rel: 'section',
      uri: `${baseUrl}/sections/${encodeURIComponent(s.sectionSlug)}`,
    });
  for (const tag of s.tags) subjects.push({ name: tag, rel: 'tag' });
  return {
    uri: uuidUri(s.articleId),
    type: 'text',
    version: versionOf(updated),
    standard: STANDARD,
    firstcreated: s.publishedAt,
    versioncreated: updated,
    pubstatus: 'usable',
    language: SITE_LANGUAGE,
    headlines: nonEmpty([
      { role: 'main', value: s.headline },
      { role: 'kicker', value: s.kicker },
    ]),
    descriptions: nonEmpty([{ role: 'teaser', contenttype: 'text/plain', value: s.teaser }]),
    bodies: [
      {
        role: 'main',
        contenttype: 'text/html',
        value: bodyHtml,
        charcount: [...text].length,
        wordcount: countWords(text),
      },
    ],
    ...(s.byline.trim() ? { by: s.byline } : {}),
    copyrightholder: PUBLISHER_NAME,
    copyrightnotice: `© ${s.publishedAt.slice(0, 4)} ${PUBLISHER_NAME}`,
    subjects,
    renditions: [{ name: 'html', href: articleUrl(baseUrl, s.slug), contenttype: 'text/html' }],
    associations: images.map(association),
  };
}

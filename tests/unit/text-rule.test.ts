/** The one text rule (src-shared/text) and the zod fields that apply it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bidiOverrides, cleanLine, cleanText, isCleanText } from '../../src-shared/text/rule';
import { cleanBody } from '../../src-shared/text/body';
import {
  ArticleFields,
  ImageMeta,
  MAX_SLUG_LENGTH,
  capSlug,
  slugify,
} from '../../src-shared/model';
import { CommentAddArgs } from '../../src-shared/mutations/comment';
import { checkArticle } from '../../src-shared/checklist';
import { bodyFromParagraphs } from '../../src-shared/richtext/plainText';

const LONE_HIGH = '\ud800';
const LONE_LOW = '\udc00';

describe('cleanText', () => {
  it.each([
    ['Word Shift+Enter (U+000B) is a line break', 'a\u000bb', 'a\nb'],
    ['CR LF and CR are line breaks', 'a\r\nb\rc', 'a\nb\nc'],
    ['form feed, NEL, U+2028/2029 are line breaks', 'a\fb\u0085c\u2028d\u2029e', 'a\nb\nc\nd\ne'],
    ['NUL, ESC, BEL and DEL are removed', 'a\u0000b\u001bc\u0007d\u007fe', 'abcde'],
    ['tab and newline stay', 'a\tb\nc', 'a\tb\nc'],
    ['lone surrogates become U+FFFD', `a${LONE_HIGH}b${LONE_LOW}c`, 'a\ufffdb\ufffdc'],
    ['pairs stay', 'Emoji 😀 ok', 'Emoji 😀 ok'],
    ['German text is untouched', '„Straße“ – Münster', '„Straße“ – Münster'],
  ])('%s', (_name, input, expected) => {
    expect(cleanText(input)).toBe(expected);
    expect(isCleanText(cleanText(input))).toBe(true);
  });

  it('returns clean text as the same string and is idempotent for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = cleanText(s);
        expect(isCleanText(once)).toBe(true);
        expect(cleanText(once)).toBe(once);
        // Valid UTF-16 after cleaning: encodes to UTF-8 and back unchanged.
        expect(Buffer.from(once, 'utf8').toString('utf8')).toBe(once);
        expect(/[\u0000-\u0008\u000b-\u001f\u007f]/.test(once)).toBe(false);
      }),
    );
  });

  it('makes single-line fields one line', () => {
    expect(cleanLine('Zeile 1\u000bZeile 2\r\nZeile 3')).toBe('Zeile 1 Zeile 2 Zeile 3');
  });

  it('counts bidi overrides (flagged, not removed)', () => {
    expect(bidiOverrides('abc')).toBe(0);
    expect(bidiOverrides('a\u202eb\u202dc')).toBe(2);
    expect(cleanText('a\u202eb')).toBe('a\u202eb');
  });
});

describe('the shared zod fields clean at input', () => {
  const fields = {
    kicker: 'Köln:\u0000',
    headline: `Eil\u000bmeldung ${LONE_HIGH}`,
    teaser: 'Erste Zeile\u000bzweite Zeile',
    byline: 'bs',
    section: null,
    tags: ['Politik\u0007'],
    links: [],
    leadImage: null,
    slug: '',
    metaDescription: '',
    socialImageId: null,
  };

  it('article fields', () => {
    const parsed = ArticleFields.parse(fields);
    expect(parsed.kicker).toBe('Köln:');
    expect(parsed.headline).toBe('Eil meldung \ufffd');
    expect(parsed.teaser).toBe('Erste Zeile\nzweite Zeile');
    expect(parsed.tags).toEqual(['Politik']);
  });

  it('image metadata and comments', () => {
    const meta = ImageMeta.parse({
      credit: 'dpa\u0000',
      creator: 'A',
      copyright: '',
      source: '',
      licence: 'nur\u000bonline',
      licenceExpires: null,
      caption: '',
      headline: 'Hafen\u0000',
      alt: '',
      extendedDescription: 'Kräne\u000bim Nebel',
    });
    expect(meta.credit).toBe('dpa');
    expect(meta.headline).toBe('Hafen');
    expect(meta.extendedDescription).toBe('Kräne\nim Nebel');
    expect(meta.licence).toBe('nur\nonline');
    const c = CommentAddArgs.safeParse({
      id: '0190d2a4-0000-7000-8000-000000000001',
      articleId: '0190d2a4-0000-7000-8000-000000000002',
      text: 'Bitte\u0000 prüfen',
    });
    expect(c.success && c.data.text).toBe('Bitte prüfen');
  });

  it('body text, without copying a clean body', () => {
    const clean = bodyFromParagraphs(['Sauber']);
    expect(cleanBody(clean)).toBe(clean);
    const dirty = bodyFromParagraphs([`Null\u0000byte und Zeile\u000bumbruch ${LONE_LOW}`]);
    const cleaned = JSON.stringify(cleanBody(dirty));
    expect(cleaned).toContain('Nullbyte und Zeile umbruch \ufffd');
    expect(JSON.stringify(dirty)).toContain('\\u0000'); // the input is not modified
  });

  it('body: a line break is unclean only in a text node, at any depth', () => {
    const listWith = (key: string, value: string) => ({
      root: {
        type: 'root',
        children: [
          {
            type: 'list',
            children: [{ type: 'listitem', children: [{ type: 'image', [key]: value }] }],
          },
        ],
      },
    });
    const caption = listWith('caption', 'Zwei\nZeilen');
    expect(cleanBody(caption)).toBe(caption);
    const text = listWith('text', 'Zwei\nZeilen');
    expect(JSON.stringify(cleanBody(text))).toContain('"text":"Zwei Zeilen"');
    const inArray = { root: { type: 'root', children: [], tags: ['a\u0000b'] } };
    expect(cleanBody(inArray).root.tags).toEqual(['ab']);
  });
});

describe('bidi overrides are flagged by the checklist', () => {
  it('names them before publication', () => {
    const f = ArticleFields.parse({
      kicker: '',
      headline: 'Preis: \u202e001\u202c Euro',
      teaser: 'T',
      byline: '',
      section: 'politik',
      tags: ['a'],
      links: [],
      leadImage: null,
      slug: '',
      metaDescription: '',
      socialImageId: null,
    });
    const codes = checkArticle({ fields: f, body: bodyFromParagraphs(['x']) }, () => undefined).map(
      (i) => i.code,
    );
    expect(codes).toContain('bidi_override');
    const ok = checkArticle(
      { fields: { ...f, headline: 'Preis: 100 Euro' }, body: bodyFromParagraphs(['x']) },
      () => undefined,
    );
    expect(ok.map((i) => i.code)).not.toContain('bidi_override');
  });
});

describe('slugs', () => {
  it('are at most 80 characters, cut at a word, never ending in a dash', () => {
    const long = slugify('Sehr '.repeat(60) + 'lange Überschrift');
    expect(long.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(capSlug('a'.repeat(200))).toHaveLength(MAX_SLUG_LENGTH);
    expect(slugify('Kurz und gut')).toBe('kurz-und-gut');
  });
});

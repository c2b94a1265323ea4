import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { de } from '../../src-renderer/i18n/de';
import { en } from '../../src-renderer/i18n/en';
import { checkArticle, checkArticleWarnings } from '../../src-shared/checklist';
import { emptyFields, type ArticleFields } from '../../src-shared/model';

const LEAD = '00000000-0000-4000-8000-000000000001';
const INLINE = '00000000-0000-4000-8000-000000000002';

function image(imageId: string, alt: string, blockId: string) {
  return { type: 'article-image', imageId, credit: 'dpa', alt, $: { blockId } };
}
const body = (...children: unknown[]) => ({ root: { type: 'root', children } });

const complete: ArticleFields = {
  ...emptyFields(),
  headline: 'Rat beschließt Radweg',
  teaser: 'Der Rat hat entschieden.',
  section: 'stadt',
  tags: ['Verkehr'],
  leadImage: { imageId: LEAD, caption: 'Der Kanal' },
};

describe('checklist warnings (alt text)', () => {
  const records = new Map([
    [LEAD, { credit: 'Stadt Münster', alt: '' }],
    [INLINE, { credit: 'dpa', alt: '' }],
  ]);
  const lookup = (id: string) => records.get(id);

  it('warns about a lead image and a body image without alt text, and blocks nothing', () => {
    const article = { fields: complete, body: body(image(INLINE, '  ', 'b1')) };
    expect(checkArticleWarnings(article, lookup)).toEqual([
      { code: 'lead_image_alt_missing', message: expect.any(String), imageId: LEAD },
      { code: 'image_alt_missing', message: expect.any(String), imageId: INLINE, blockId: 'b1' },
    ]);
    // The publication checklist (what the server checks) stays complete.
    expect(checkArticle(article, lookup)).toEqual([]);
  });

  it("takes the lead image's own alt text for this article, else the record's", () => {
    const own = { ...complete, leadImage: { imageId: LEAD, caption: 'Der Kanal', alt: 'Kanal' } };
    const blank = { ...complete, leadImage: { imageId: LEAD, caption: 'Der Kanal', alt: '  ' } };
    const warned = (fields: ArticleFields) =>
      checkArticleWarnings({ fields, body: body() }, lookup).map((w) => w.code);
    expect(warned(own)).toEqual([]);
    expect(warned(blank)).toEqual(['lead_image_alt_missing']);
  });

  it('takes the alt text of the node, else of the image record', () => {
    const withRecordAlt = (id: string) => ({ credit: 'dpa', alt: id === LEAD ? 'Kanal' : '' });
    const article = {
      fields: complete,
      body: body(image(INLINE, 'Radfahrer am Kanal', 'b1'), image(INLINE, '', 'b2')),
    };
    expect(checkArticleWarnings(article, withRecordAlt)).toEqual([
      { code: 'image_alt_missing', message: expect.any(String), imageId: INLINE, blockId: 'b2' },
    ]);
    expect(checkArticleWarnings(article, () => ({ credit: 'dpa', alt: 'Kanal' }))).toEqual([]);
  });

  it('says nothing about an image it does not know (the checklist reports that)', () => {
    const article = { fields: complete, body: body() };
    expect(checkArticleWarnings(article, () => undefined)).toEqual([]);
    expect(checkArticle(article, () => undefined).map((i) => i.code)).toEqual([
      'lead_image_unknown',
    ]);
  });
});

describe('checklist warning: open suggestions', () => {
  const suggestion = (text: string, kind: 'insert' | 'delete', id: string) => ({
    type: 'suggestion',
    text,
    kind,
    author: 'chef',
    at: '2026-12-03T04:00:00.000Z',
    id,
  });
  const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children });

  it('counts open suggestions (one per id) as a warning that blocks nothing', () => {
    const article = {
      fields: { ...complete, leadImage: null },
      body: body(
        paragraph(suggestion('neu', 'insert', 's1'), suggestion('neu', 'insert', 's1')),
        paragraph(suggestion('alt', 'delete', 's2')),
      ),
    };
    expect(checkArticleWarnings(article, () => undefined)).toEqual([
      { code: 'open_suggestions', message: expect.stringMatching(/^2 open suggestions/), count: 2 },
    ]);
    expect(checkArticle(article, () => undefined)).toEqual([]);
    const none = { ...article, body: body(paragraph({ type: 'text', text: 'fertig' })) };
    expect(checkArticleWarnings(none, () => undefined)).toEqual([]);
  });

  it('reads "N open suggestions" in English and German with plural forms', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { en: { translation: en }, de: { translation: de } },
      lng: 'en',
      interpolation: { escapeValue: false },
    });
    // The key and option src-renderer/editor/checklist.ts uses for this code (that module
    // needs a window, so it is not imported here).
    const say = (count: number, lng: 'en' | 'de') =>
      i18n.getFixedT(lng)('articleImages.checklist.open_suggestions', { count });
    expect(say(1, 'en')).toBe('1 open suggestion: not published until accepted.');
    expect(say(3, 'en')).toBe('3 open suggestions: not published until accepted.');
    expect(say(1, 'de')).toBe(
      '1 offener Änderungsvorschlag: wird erst nach Annahme veröffentlicht.',
    );
    expect(say(3, 'de')).toBe(
      '3 offene Änderungsvorschläge: werden erst nach Annahme veröffentlicht.',
    );
  });
});

import { describe, expect, it } from 'vitest';
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

import { describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../richtext/plainText';
import { jsonForScript, metaDescription, socialImageId } from './meta';

describe('metaDescription', () => {
  it('is the teaser on one line', () => {
    expect(metaDescription({ teaser: ' Erste Zeile\nzweite  Zeile ', body: null })).toBe(
      'Erste Zeile zweite Zeile',
    );
  });

  it('falls back to the start of the body when there is no teaser', () => {
    const body = bodyFromParagraphs(['Der erste Absatz.', 'Der zweite.']);
    expect(metaDescription({ teaser: '  ', body })).toBe('Der erste Absatz. Der zweite.');
  });

  it('cuts a long text at a word, with an ellipsis, at most 160 characters', () => {
    const teaser = 'Wort '.repeat(60).trim();
    const d = metaDescription({ teaser, body: null });
    expect(d.length).toBeLessThanOrEqual(160);
    expect(d.endsWith('Wort…')).toBe(true);
    // one long word has no space to cut at: cut inside it
    const word = metaDescription({ teaser: 'x'.repeat(400), body: null });
    expect(word).toBe(`${'x'.repeat(159)}…`);
  });
});

describe('jsonForScript', () => {
  it('cannot close the script element or open a comment, and parses back to the same data', () => {
    const data = { headline: '</script><script>alert(1)</script><!-- & \u2028 >' };
    const json = jsonForScript(data);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});

describe('socialImageId', () => {
  it('is the lead image, else the first image of the page, else none', () => {
    const lead = { imageId: 'l', caption: '', credit: '', alt: '', width: 1, height: 1 };
    expect(socialImageId({ leadImage: lead, imageIds: ['l', 'i'] })).toBe('l');
    expect(socialImageId({ leadImage: null, imageIds: ['i'] })).toBe('i');
    expect(socialImageId({ leadImage: null, imageIds: [] })).toBeNull();
  });
});

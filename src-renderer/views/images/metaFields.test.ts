import { describe, expect, it } from 'vitest';
import { patchOf, problemOf, valuesOf } from './metaFields';

describe('image metadata form values', () => {
  it('checks dates as real calendar days and lengths against the core schema', () => {
    expect(problemOf('licenceExpires', '')).toBeNull();
    expect(problemOf('licenceExpires', '2027-12-31')).toBeNull();
    expect(problemOf('licenceExpires', '2028-02-29')).toBeNull();
    for (const bad of ['31.12.2027', '2027-02-30', '2027-13-01', '27-12-31', 'morgen'])
      expect(problemOf('licenceExpires', bad), bad).toEqual({ kind: 'badDate' });
    expect(problemOf('credit', 'x'.repeat(300))).toBeNull();
    expect(problemOf('credit', 'x'.repeat(301))).toEqual({ kind: 'tooLong', max: 300 });
    expect(problemOf('caption', 'ä'.repeat(2001))).toEqual({ kind: 'tooLong', max: 2000 });
    expect(problemOf('headline', 'x'.repeat(501))).toEqual({ kind: 'tooLong', max: 500 });
    expect(problemOf('extendedDescription', 'x'.repeat(10_000))).toBeNull();
  });

  it('maps between the stored metadata and the form, an empty date meaning none', () => {
    const values = valuesOf({
      credit: 'LWL',
      creator: 'Jürgen Müller',
      copyright: '',
      source: '',
      licence: '',
      licenceExpires: null,
      caption: 'Prinzipalmarkt',
      headline: 'Markttag',
      alt: '',
      extendedDescription: '',
    });
    expect(values.headline).toBe('Markttag');
    expect(values.licenceExpires).toBe('');
    expect(patchOf({ ...values, licenceExpires: ' ' }, ['licenceExpires', 'credit'])).toEqual({
      licenceExpires: null,
      credit: 'LWL',
    });
    expect(patchOf({ ...values, licenceExpires: '2027-12-31' }, ['licenceExpires'])).toEqual({
      licenceExpires: '2027-12-31',
    });
  });
});

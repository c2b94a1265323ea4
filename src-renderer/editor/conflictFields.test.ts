import { describe, expect, it } from 'vitest';
import { ARTICLE_FIELD_NAMES } from '../../src-shared/model';
import { fieldsOfConflict } from './conflictFields';

describe('fieldsOfConflict', () => {
  it('names the field of a field conflict and nothing for a body region', () => {
    expect(fieldsOfConflict({ kind: 'field', field: 'teaser', mine: 'x' })).toEqual(['teaser']);
    expect(fieldsOfConflict({ kind: 'field', field: 'nonsense', mine: 'x' })).toEqual([]);
    expect(fieldsOfConflict({ kind: 'body', field: 'body', mine: [] })).toEqual([]);
  });

  it('names the fields a refused setFields or tag change carried', () => {
    expect(
      fieldsOfConflict({
        kind: 'rejected',
        field: 'article.setFields',
        mine: { id: 'a', values: { teaser: 'T', headline: 'H', bogus: 1 } },
      }),
    ).toEqual(['teaser', 'headline']);
    expect(
      fieldsOfConflict({ kind: 'rejected', field: 'article.addTag', mine: { tag: 'x' } }),
    ).toEqual(['tags']);
    expect(
      fieldsOfConflict({ kind: 'rejected', field: 'article.setBody', mine: { body: {} } }),
    ).toEqual([]);
  });

  it('reads a list of refused mutations, and takes every field for a revoked change', () => {
    expect(
      fieldsOfConflict({
        kind: 'rejected',
        field: 'batch',
        mine: [
          { name: 'article.setFields', args: { values: { kicker: 'K' } } },
          { name: 'article.removeTag', args: { tag: 't' } },
          { name: 'article.addTag', args: { tag: 'u' } },
        ],
      }),
    ).toEqual(['kicker', 'tags']);
    expect(fieldsOfConflict({ kind: 'revoked', field: 'x', mine: null })).toEqual([
      ...ARTICLE_FIELD_NAMES,
    ]);
  });
});

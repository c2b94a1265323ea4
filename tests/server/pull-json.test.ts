/** The hand-assembled pull page text is exactly JSON.stringify of the PullResponse it stands for. */
import { describe, expect, it } from 'vitest';
import { PullResponse } from '../../src-shared/protocol';
import { serializePullPage, type PullPage } from '../../src-server/sync/pullJson';

describe('serializePullPage', () => {
  it('splices stored article JSON and equals JSON.stringify of the same response', () => {
    const article = { id: 'a"1', headline: 'Zitat „x“ \\ \n', version: 7, nested: { n: [1, 2] } };
    const page: PullPage = {
      changes: [
        {
          seq: 3,
          entity: 'article',
          id: 'a"1',
          op: 'upsert',
          version: 7,
          actor: { id: 'u"1', username: 'chief' },
          json: JSON.stringify(article),
        },
        { seq: 5, entity: 'article', id: 'c', op: 'upsert', version: 8, actor: null, json: '{}' },
        { seq: 6, entity: 'article', id: 'd', op: 'upsert', version: 9, json: '{}' },
        { seq: 4, entity: 'article', id: 'b', op: 'delete', version: 9, reason: 'revoked' },
      ],
      cursor: 4,
      hasMore: false,
      lastMutationId: 2,
      conflicts: [],
      rejected: [
        {
          mutationId: 2,
          name: 'article.addTag',
          args: { id: 'x' },
          code: 'c',
          reason: 'r',
          createdAt: 't',
        },
      ],
    };
    const expected = {
      changes: [
        {
          seq: 3,
          entity: 'article',
          id: 'a"1',
          op: 'upsert',
          version: 7,
          actor: { id: 'u"1', username: 'chief' },
          data: article,
        },
        { seq: 5, entity: 'article', id: 'c', op: 'upsert', version: 8, actor: null, data: {} },
        { seq: 6, entity: 'article', id: 'd', op: 'upsert', version: 9, data: {} },
        { seq: 4, entity: 'article', id: 'b', op: 'delete', version: 9, reason: 'revoked' },
      ],
      cursor: 4,
      hasMore: false,
      lastMutationId: 2,
      conflicts: [],
      rejected: page.rejected,
    };
    expect(serializePullPage(page)).toBe(JSON.stringify(expected));
    const empty = { ...page, changes: [], rejected: [] };
    const text = serializePullPage(empty);
    expect(PullResponse.parse(JSON.parse(text))).toEqual({
      ...expected,
      changes: [],
      rejected: [],
    });
  });
});

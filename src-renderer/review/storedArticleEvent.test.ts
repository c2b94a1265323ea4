import { describe, expect, it } from 'vitest';
import { storedArticleMayHaveChanged } from './storedArticleEvent';

const id = '00000000-0000-4000-8000-000000000001';
const other = '00000000-0000-4000-8000-000000000002';

describe('storedArticleMayHaveChanged', () => {
  it('skips the reload for a save (content only)', () => {
    expect(
      storedArticleMayHaveChanged(
        { type: 'article.updated', id, origin: 'local', revision: 3, contentOnly: true },
        id,
      ),
    ).toBe(false);
  });

  it('reloads for other changes of the article: steps, restores, sync', () => {
    expect(
      storedArticleMayHaveChanged(
        { type: 'article.updated', id, origin: 'local', revision: 3 },
        id,
      ),
    ).toBe(true);
    expect(storedArticleMayHaveChanged({ type: 'article.updated', id, origin: 'remote' }, id)).toBe(
      true,
    );
    expect(storedArticleMayHaveChanged({ type: 'article.updated', id, origin: 'sync' }, id)).toBe(
      true,
    );
  });

  it('reloads when the article goes to the trash or comes back, here or elsewhere', () => {
    for (const origin of ['local', 'remote'] as const) {
      expect(storedArticleMayHaveChanged({ type: 'article.deleted', id, origin }, id)).toBe(true);
      expect(storedArticleMayHaveChanged({ type: 'article.restored', id, origin }, id)).toBe(true);
      expect(storedArticleMayHaveChanged({ type: 'article.deleted', id: other, origin }, id)).toBe(
        false,
      );
    }
  });

  it('ignores other articles and other events', () => {
    expect(
      storedArticleMayHaveChanged({ type: 'article.updated', id: other, origin: 'remote' }, id),
    ).toBe(false);
    expect(storedArticleMayHaveChanged({ type: 'settings.updated' }, id)).toBe(false);
  });
});

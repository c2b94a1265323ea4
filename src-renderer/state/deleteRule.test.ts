import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES } from '../../src-shared/model';
import { mayDeleteArticle } from '../../src-shared/workflow';
import { offersDelete } from './deleteRule';

const editor = { chief: false, id: 'u', known: true };
const chief = { chief: true, id: 'c', known: true };

describe('offersDelete follows the server rule', () => {
  it('never offers a published article, offers editors their own drafts only and chiefs the rest', () => {
    const own = { authorId: 'u' };
    for (const user of [editor, chief])
      expect(offersDelete({ status: 'published', ...own }, user)).toBe(false);
    expect(offersDelete({ status: 'draft', ...own }, editor)).toBe(true);
    expect(offersDelete({ status: 'in_review', ...own }, editor)).toBe(false);
    expect(offersDelete({ status: 'approved', ...own }, editor)).toBe(false);
    expect(offersDelete({ status: 'in_review', authorId: 'x' }, chief)).toBe(true);
    expect(offersDelete({ status: 'approved', authorId: 'x' }, chief)).toBe(true);
  });

  it("offers no one else's draft to an editor or photo editor", () => {
    expect(offersDelete({ status: 'draft', authorId: 'x' }, editor)).toBe(false);
  });

  it('counts a desk that never signed in, and an article without an author yet, as its own', () => {
    expect(
      offersDelete({ status: 'draft', authorId: 'x' }, { chief: false, id: null, known: true }),
    ).toBe(true);
    expect(offersDelete({ status: 'draft', authorId: null }, editor)).toBe(true);
  });

  it('offers nothing until the core has said who the user is', () => {
    for (const user of [editor, chief])
      expect(offersDelete({ status: 'draft', authorId: 'u' }, { ...user, known: false })).toBe(
        false,
      );
  });

  it('agrees with mayDeleteArticle for every status, role and author', () => {
    for (const status of ARTICLE_STATUSES)
      for (const role of ['editor', 'photo_editor', 'desk_chief', 'admin'] as const)
        for (const authorId of ['u', 'x']) {
          const server = mayDeleteArticle(
            { status, authorId, assigneeId: null },
            { id: 'u', role },
          );
          const user = { chief: role === 'desk_chief' || role === 'admin', id: 'u', known: true };
          expect(offersDelete({ status, authorId }, user), `${status} ${role} ${authorId}`).toBe(
            server.ok,
          );
        }
  });
});

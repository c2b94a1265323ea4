import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES } from '../../src-shared/model';
import { mayEditArticle } from '../../src-shared/workflow';
import { editLock, worksOnArticle } from './editLock';

describe('editLock', () => {
  it('locks every status but draft for editors, with the reason', () => {
    expect(editLock('draft', false)).toEqual({ locked: false, note: 'none' });
    expect(editLock('in_review', false)).toEqual({ locked: true, why: 'review' });
    expect(editLock('approved', false)).toEqual({ locked: true, why: 'review' });
    expect(editLock('published', false)).toEqual({ locked: true, why: 'published' });
    expect(editLock('unpublished', false)).toEqual({ locked: true, why: 'unpublished' });
  });

  it('never locks for desk chiefs, and notes a published article', () => {
    expect(editLock('published', true)).toEqual({ locked: false, note: 'published' });
    expect(editLock('in_review', true)).toEqual({ locked: false, note: 'none' });
  });

  it('locks an article in the trash for everyone, whatever its status', () => {
    for (const status of ARTICLE_STATUSES)
      for (const chief of [false, true])
        expect(editLock(status, chief, true)).toEqual({ locked: true, why: 'trash' });
  });

  it('agrees with the rule the server enforces for author, assignee and anyone else', () => {
    const people = [
      { authorId: 'u', assigneeId: null },
      { authorId: 'a', assigneeId: 'u' },
      { authorId: 'a', assigneeId: null },
      { authorId: 'a', assigneeId: 'b' },
    ];
    for (const status of ARTICLE_STATUSES)
      for (const role of ['editor', 'photo_editor', 'desk_chief', 'admin'] as const)
        for (const who of people) {
          const server = mayEditArticle({ ...who, status, deletedAt: null }, { id: 'u', role });
          const chief = role === 'desk_chief' || role === 'admin';
          const lock = editLock(status, chief, false, worksOnArticle(who, 'u'));
          expect(lock.locked, `${status} ${role} ${JSON.stringify(who)}`).toBe(!server.ok);
        }
  });

  it("locks someone else's article for editors and photo editors whatever its status", () => {
    expect(editLock('draft', false, false, false)).toEqual({ locked: true, why: 'notYours' });
    expect(editLock('draft', true, false, false)).toEqual({ locked: false, note: 'none' });
  });

  it('counts a desk that never signed in, and an article without an author yet, as its own', () => {
    expect(worksOnArticle({ authorId: 'a', assigneeId: null }, null)).toBe(true);
    expect(worksOnArticle({ authorId: null, assigneeId: null }, 'u')).toBe(true);
    expect(worksOnArticle({ authorId: 'a', assigneeId: null }, 'u')).toBe(false);
  });

  it('agrees with the rule the server enforces for the author', () => {
    for (const status of ARTICLE_STATUSES) {
      for (const role of ['editor', 'desk_chief'] as const) {
        const server = mayEditArticle(
          { authorId: 'u', assigneeId: null, status, deletedAt: null },
          { id: 'u', role },
        );
        expect(editLock(status, role === 'desk_chief').locked).toBe(!server.ok);
      }
    }
  });
});

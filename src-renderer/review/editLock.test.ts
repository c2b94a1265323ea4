import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES } from '../../src-shared/model';
import { mayEditArticle } from '../../src-shared/workflow';
import { editLock } from './editLock';

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

import { describe, expect, it } from 'vitest';
import { emptyBody, emptyFields, type Article } from './model';
import { bodyFromParagraphs } from './richtext/plainText';
import { isBlankDraft } from './blankDraft';

function article(patch: Partial<Article> = {}): Article {
  return {
    ...emptyFields(),
    id: '01a23696-2854-73b8-beef-6881c0537a0a',
    body: emptyBody(),
    status: 'draft',
    authorId: null,
    assigneeId: null,
    revision: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    publishedAt: null,
    deletedAt: null,
    ...patch,
  };
}

describe('isBlankDraft', () => {
  it('is a new, untouched draft', () => {
    expect(isBlankDraft(article())).toBe(true);
    expect(isBlankDraft(article({ body: bodyFromParagraphs(['']) }))).toBe(true);
  });
  it('is not once anything was written, or when it is not a draft', () => {
    expect(isBlankDraft(article({ headline: 'x' }))).toBe(false);
    expect(isBlankDraft(article({ tags: ['Politik'] }))).toBe(false);
    expect(isBlankDraft(article({ section: 'politik' }))).toBe(false);
    expect(isBlankDraft(article({ body: bodyFromParagraphs(['Text']) }))).toBe(false);
    expect(isBlankDraft(article({ status: 'in_review' }))).toBe(false);
    expect(isBlankDraft(article({ deletedAt: '2026-01-02T00:00:00Z' }))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { TimelineEntry } from '../../../src-shared/timeline';
import type { OutboxEntry } from '../store/outbox';
import { pendingSteps } from './pending';

const row = (mutationId: number, name: string, entityId: string, args: unknown): OutboxEntry =>
  ({
    mutationId,
    name,
    args,
    entityType: 'article',
    entityId,
    baseVersion: null,
    state: 'pending',
    attempts: 0,
    createdAt: `2026-12-03T06:0${mutationId}:00.000Z`,
    origin: 'local',
  }) as OutboxEntry;

describe('pending timeline entries', () => {
  it('shows a queued suggestion decision of this article as a pending suggestion entry', () => {
    const me = { id: 'u1', username: 'anna' };
    const items = pendingSteps(
      [
        row(1, 'article.recordSuggestions', 'a1', {
          id: 'a1',
          action: 'accept',
          count: 2,
          authors: ['jonas'],
          excerpt: 'beschloss',
        }),
        row(2, 'article.recordSuggestions', 'other', {
          id: 'other',
          action: 'reject',
          count: 1,
          authors: ['jonas'],
          excerpt: 'x',
        }),
        row(3, 'article.setBody', 'a1', { id: 'a1', baseBodyVersion: 1, body: {} }),
      ],
      'a1',
      me,
    );
    expect(items).toEqual([
      {
        id: 'outbox:1',
        kind: 'suggestion',
        action: 'accept_suggestions',
        from: null,
        to: null,
        text: 'beschloss',
        user: me,
        at: '2026-12-03T06:01:00.000Z',
        pending: true,
        suggestions: { count: 2, authors: ['jonas'] },
      },
    ]);
    // What the core returns must pass the shared (strict) schema.
    expect(() => items.map((i) => TimelineEntry.parse(i))).not.toThrow();
  });

  it('shows a queued undo of a decision as its own pending entry, after the decision', () => {
    const decided = { id: 'a1', action: 'reject', count: 1, authors: ['jonas'], excerpt: 'x' };
    const items = pendingSteps(
      [
        row(1, 'article.recordSuggestions', 'a1', decided),
        row(2, 'article.recordSuggestions', 'a1', { ...decided, undone: true }),
      ],
      'a1',
      null,
    );
    expect(items.map((i) => [i.id, i.action, i.suggestions])).toEqual([
      ['outbox:1', 'reject_suggestions', { count: 1, authors: ['jonas'] }],
      ['outbox:2', 'undo_reject_suggestions', { count: 1, authors: ['jonas'] }],
    ]);
    expect(() => items.map((i) => TimelineEntry.parse(i))).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src-shared/timeline';
import { changesRequested } from './changesRequested';

function step(action: string, at: string, text: string | null = null): TimelineEntry {
  return {
    id: `${action}-${at}`,
    kind: action === 'comment' ? 'comment' : 'transition',
    action,
    from: null,
    to: null,
    text,
    user: { id: 'c', username: 'chief' },
    at,
    pending: false,
  };
}

describe('changesRequested', () => {
  const sent = [
    step('submit', '2026-01-01T10:00:00Z'),
    step('request_changes', '2026-01-01T11:00:00Z', 'Bitte Quelle nennen'),
    step('comment', '2026-01-01T12:00:00Z', 'noch etwas'),
  ];
  it('finds the request a draft waits on, with who and the comment', () => {
    expect(changesRequested('draft', sent)).toEqual({
      by: 'chief',
      comment: 'Bitte Quelle nennen',
      at: '2026-01-01T11:00:00Z',
    });
  });
  it('is over once the draft is submitted again or not a draft', () => {
    expect(changesRequested('draft', [...sent, step('submit', '2026-01-01T13:00:00Z')])).toBeNull();
    expect(changesRequested('in_review', sent)).toBeNull();
    expect(changesRequested('draft', [])).toBeNull();
  });
});

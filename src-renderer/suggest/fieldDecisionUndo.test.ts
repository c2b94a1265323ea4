import { describe, expect, it } from 'vitest';
import { isDecisionUndoKey, reopenArgs } from './fieldDecisionUndo';

const at = '2026-12-03T05:00:00.000Z';
const s = (id: string, value: string) =>
  ({ id, field: 'headline', value, author: 'chief', at }) as const;
const key = (patch: Partial<KeyboardEvent> = {}) => ({
  key: 'z',
  ctrlKey: true,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  isComposing: false,
  ...patch,
});
/** An element inside `selector` (null: inside nothing editable), as far as the check looks. */
const inside = (selector: string | null) =>
  ({
    closest: (q: string) => (selector !== null && q.includes(selector) ? {} : null),
  }) as unknown as EventTarget;

describe('field decision undo', () => {
  it('undoes the newest decision first, with the previous value only for an accept', () => {
    const group = {
      action: 'accept' as const,
      decisions: [
        { suggestion: s('a', 'Eins'), previous: 'Alt 1' },
        { suggestion: s('b', 'Zwei'), previous: 'Alt 2' },
      ],
    };
    expect(reopenArgs('art', group)).toEqual([
      { id: 'art', suggestion: s('b', 'Zwei'), action: 'accept', previous: 'Alt 2' },
      { id: 'art', suggestion: s('a', 'Eins'), action: 'accept', previous: 'Alt 1' },
    ]);
    expect(reopenArgs('art', { ...group, action: 'reject' })[0]).toEqual({
      id: 'art',
      suggestion: s('b', 'Zwei'),
      action: 'reject',
    });
  });

  it('takes Ctrl+Z or Cmd+Z outside text fields and the body, not redo or other keys', () => {
    expect(isDecisionUndoKey(key(), inside(null))).toBe(true);
    expect(isDecisionUndoKey(key({ ctrlKey: false, metaKey: true, key: 'Z' }), null)).toBe(true);
    expect(isDecisionUndoKey(key(), inside('textarea'))).toBe(false);
    expect(isDecisionUndoKey(key(), inside('[contenteditable="true"]'))).toBe(false);
    expect(isDecisionUndoKey(key({ shiftKey: true }), inside(null))).toBe(false);
    expect(isDecisionUndoKey(key({ ctrlKey: false }), inside(null))).toBe(false);
    expect(isDecisionUndoKey(key({ key: 'y' }), inside(null))).toBe(false);
    expect(isDecisionUndoKey(key({ isComposing: true }), inside(null))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { body, paragraph, suggestion, text } from '../richtext/builders';
import { keepSuggestionsOfUnchangedBlocks } from './oldDeskSuggestions';
import { withSuggestionsRejected } from '../richtext/suggestions';

const s = (value: string, kind: 'insert' | 'delete', id: string) =>
  suggestion(value, { kind, author: 'chef', id });

const base = body(
  paragraph([text('Der Rat '), s('tagte', 'delete', 's1'), s('beschloss', 'insert', 's2')], 'p1'),
  paragraph([s('Ganz neuer Absatz.', 'insert', 's3')], 'p2'),
  paragraph([text('Ohne Vorschlag.')], 'p3'),
  paragraph([text('Noch einer '), s('mit', 'insert', 's4')], 'p4'),
);

describe('keepSuggestionsOfUnchangedBlocks (pushes of desks older than 2026-12-v)', () => {
  it('puts back suggestions of blocks the old desk left as it got them, keeps its edits', () => {
    const oldDesk = withSuggestionsRejected(base);
    // The old desk edits p3 and p4 only.
    oldDesk.root.children[1] = paragraph([text('Ohne Vorschlag, jetzt geändert.')], 'p3');
    oldDesk.root.children[2] = paragraph([text('Noch einer, geändert.')], 'p4');
    const kept = keepSuggestionsOfUnchangedBlocks(base, oldDesk);
    expect(kept.root.children).toEqual([
      base.root.children[0],
      base.root.children[1],
      paragraph([text('Ohne Vorschlag, jetzt geändert.')], 'p3'),
      paragraph([text('Noch einer, geändert.')], 'p4'),
    ]);
  });

  it('gives back the base itself when the old desk changed nothing', () => {
    expect(keepSuggestionsOfUnchangedBlocks(base, withSuggestionsRejected(base))).toEqual(base);
  });

  it('leaves a body alone when the base has no suggestions or is unknown', () => {
    const plain = body(paragraph([text('a')], 'p1'));
    const incoming = body(paragraph([text('b')], 'p1'));
    expect(keepSuggestionsOfUnchangedBlocks(plain, incoming)).toBe(incoming);
    expect(keepSuggestionsOfUnchangedBlocks(undefined, incoming)).toBe(incoming);
  });
});

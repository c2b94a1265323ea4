import { describe, expect, it } from 'vitest';
import { body, paragraph, suggestion, text } from './builders';
import { foreignNewSuggestionAuthors } from './suggestionAuthors';

const mark = (id: string, author: string) => suggestion('x', { kind: 'insert', author, id });
const one = (...marks: ReturnType<typeof mark>[]) => body(paragraph([text('a'), ...marks], 'p1'));

describe('foreignNewSuggestionAuthors', () => {
  it('names the other authors of marks no known body holds, each once', () => {
    expect(
      foreignNewSuggestionAuthors(
        one(mark('s1', 'chief'), mark('s2', 'chief'), mark('s3', 'jonas'), mark('s4', 'anna')),
        [],
        'anna',
      ),
    ).toEqual(['chief', 'jonas']);
  });

  it('passes marks a known body holds with the same id and author, not a reused id', () => {
    const stored = one(mark('s1', 'chief'));
    expect(foreignNewSuggestionAuthors(stored, [stored], 'anna')).toEqual([]);
    expect(foreignNewSuggestionAuthors(one(mark('s1', 'jonas')), [stored], 'anna')).toEqual([
      'jonas',
    ]);
    expect(foreignNewSuggestionAuthors(stored, [body(), stored], 'anna')).toEqual([]);
  });

  it('reads bodies without marks or without a root as holding none', () => {
    expect(foreignNewSuggestionAuthors(one(), [null], 'anna')).toEqual([]);
    expect(foreignNewSuggestionAuthors({}, [], 'anna')).toEqual([]);
  });
});

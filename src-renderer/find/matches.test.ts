import { describe, expect, it } from 'vitest';
import { findMatches, replaceMatches } from './matches';

const text = 'Der Rat tagte. Der Stadtrat und der Rat-Vorsitz: rat mal.';
const words = (q: string, o = { caseSensitive: false, wholeWord: false }) =>
  findMatches(text, q, o).map((m) => text.slice(m.start, m.end));

describe('findMatches', () => {
  it('ignores case unless asked, and finds inside words unless whole words are asked for', () => {
    expect(words('rat')).toEqual(['Rat', 'rat', 'Rat', 'rat']);
    expect(words('Rat', { caseSensitive: true, wholeWord: false })).toEqual(['Rat', 'Rat']);
    expect(words('rat', { caseSensitive: false, wholeWord: true })).toEqual(['Rat', 'Rat', 'rat']);
    expect(words('rat', { caseSensitive: true, wholeWord: true })).toEqual(['rat']);
  });

  it('treats the query as text, not a pattern, and finds nothing for an empty query', () => {
    expect(findMatches('a.b axb (c)', '.', { caseSensitive: false, wholeWord: false })).toEqual([
      { start: 1, end: 2 },
    ]);
    expect(findMatches('(c)', '(c)', { caseSensitive: true, wholeWord: false })).toEqual([
      { start: 0, end: 3 },
    ]);
    expect(findMatches(text, '', { caseSensitive: false, wholeWord: false })).toEqual([]);
  });

  it('umlauts count as letters for whole words', () => {
    expect(findMatches('Bär Bären', 'Bär', { caseSensitive: true, wholeWord: true })).toEqual([
      { start: 0, end: 3 },
    ]);
  });
});

describe('replaceMatches', () => {
  it('replaces every match, also with a longer or shorter text', () => {
    const m = findMatches(text, 'rat', { caseSensitive: false, wholeWord: true });
    expect(replaceMatches(text, m, 'Kreistag')).toBe(
      'Der Kreistag tagte. Der Stadtrat und der Kreistag-Vorsitz: Kreistag mal.',
    );
    expect(
      replaceMatches('aaa', findMatches('aaa', 'a', { caseSensitive: true, wholeWord: false }), ''),
    ).toBe('');
  });
});

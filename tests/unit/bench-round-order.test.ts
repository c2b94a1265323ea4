import { describe, expect, it } from 'vitest';
import { roundOrder } from '../../bench/stats';

describe('roundOrder (the order pages load in a bench round)', () => {
  it('goes through every order of three pages once in six rounds', () => {
    const rounds = [0, 1, 2, 3, 4, 5].map((r) => roundOrder(['a', 'b', 'c'], r).join(''));
    expect(new Set(rounds).size).toBe(6);
    for (const order of rounds) expect([...order].sort().join('')).toBe('abc');
  });

  it('puts each page first, second and third equally often, then starts over', () => {
    const places = new Map<string, number[]>();
    for (let r = 0; r < 12; r++)
      roundOrder(['a', 'b', 'c'], r).forEach((p, i) =>
        places.set(p, [...(places.get(p) ?? []), i]),
      );
    for (const p of ['a', 'b', 'c'])
      expect([0, 1, 2].map((i) => places.get(p)!.filter((x) => x === i).length)).toEqual([4, 4, 4]);
    expect(roundOrder(['a', 'b', 'c'], 6)).toEqual(roundOrder(['a', 'b', 'c'], 0));
  });

  it('leaves the input alone and handles one page', () => {
    const pages = ['x', 'y'] as const;
    expect(roundOrder(pages, 1)).toEqual(['y', 'x']);
    expect(pages).toEqual(['x', 'y']);
    expect(roundOrder(['only'], 5)).toEqual(['only']);
  });
});

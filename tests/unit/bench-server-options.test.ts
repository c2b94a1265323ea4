/** The server bench's environment options and its rounds: which databases, how long, how often. */
import { expect, it } from 'vitest';
import { benchDatabases, benchSeconds } from '../../bench/server';
import { benchRounds, pooled, roundOrder, weightedMean } from '../../bench/rounds';

it('runs both databases unless one is named', () => {
  expect(benchDatabases(undefined)).toEqual({ sqlite: true, postgres: true });
  expect(benchDatabases('both')).toEqual({ sqlite: true, postgres: true });
  expect(benchDatabases('sqlite')).toEqual({ sqlite: true, postgres: false });
  expect(benchDatabases('postgres')).toEqual({ sqlite: false, postgres: true });
  expect(() => benchDatabases('mysql')).toThrow(/sqlite, postgres or both, not "mysql"/);
});

it('takes the load phase length in seconds, 20 by default', () => {
  expect(benchSeconds(undefined)).toBe(20);
  expect(benchSeconds('5')).toBe(5);
  for (const bad of ['0', '-3', 'abc', '601'])
    expect(() => benchSeconds(bad)).toThrow(/COPYDESK_BENCH_SECONDS/);
});

it('takes the rounds per backend, 2 by default', () => {
  expect(benchRounds(undefined)).toBe(2);
  expect(benchRounds('3')).toBe(3);
  for (const bad of ['0', '1.5', 'two', '21'])
    expect(() => benchRounds(bad)).toThrow(/COPYDESK_BENCH_ROUNDS/);
});

it('alternates which backend goes first, so that each gets the same share of every stretch', () => {
  expect(roundOrder(['A', 'B'], 2)).toEqual(['A', 'B', 'B', 'A']);
  expect(roundOrder(['A', 'B'], 3)).toEqual(['A', 'B', 'B', 'A', 'A', 'B']);
  expect(roundOrder(['A'], 3)).toEqual(['A', 'A', 'A']);
});

it('pools the rounds’ samples and weights per-request figures by requests', () => {
  const round = (n: number) => ({ all: [n, n], push: [n], pull: [n], writing: [], noop: [n, n] });
  expect(pooled([round(1), round(2)])).toEqual({
    all: [1, 1, 2, 2],
    push: [1, 2],
    pull: [1, 2],
    writing: [],
    noop: [1, 1, 2, 2],
  });
  expect(
    weightedMean([
      { value: 1, weight: 3 },
      { value: 2, weight: 1 },
    ]),
  ).toBe(1.25);
  expect(weightedMean([])).toBeNaN();
});

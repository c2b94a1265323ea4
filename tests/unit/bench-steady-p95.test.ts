/**
 * The editor bench's steady p95 (bench/stats.ts): the median of the p95s of rounds of samples,
 * so that one burst of machine load moves one round's p95 and not the figure.
 */
import { expect, it } from 'vitest';
import { steadyP95, summarize } from '../../bench/stats';

/** `n` samples of `base` ms with `spikes` of `spike` ms at the end (what p95 picks up). */
function round(n: number, base: number, spikes = 0, spike = 0): number[] {
  return [...Array<number>(n - spikes).fill(base), ...Array<number>(spikes).fill(spike)];
}

it('takes each round’s p95 and the median of them, so one loaded round does not move it', () => {
  // Five rounds of 40 keys at 10 ms; the third round has a burst of 11 slow keys (100 ms).
  const samples = [
    ...round(40, 10, 1, 20),
    ...round(40, 10, 1, 22),
    ...round(40, 10, 11, 100),
    ...round(40, 10, 1, 18),
    ...round(40, 10, 1, 21),
  ];
  const steady = steadyP95(samples, 40);
  expect(steady.rounds).toEqual([10, 10, 100, 10, 10]);
  expect(steady.median).toBe(10);
  // The plain p95 over all 200 keys is the burst's.
  expect(summarize(samples).p95).toBe(100);
});

it('averages the middle two of an even number of rounds and drops a trailing part round', () => {
  const samples = [...round(20, 8), ...round(20, 12), ...round(20, 30), ...round(20, 40), 500];
  expect(steadyP95(samples, 20)).toEqual({ median: 21, rounds: [8, 12, 30, 40] });
});

it('refuses too few samples and a round size that is not a positive integer', () => {
  expect(() => steadyP95([1, 2, 3], 40)).toThrow(/3 samples make no round of 40/);
  expect(() => steadyP95([1, 2, 3], 0)).toThrow(/positive integer/);
  expect(() => steadyP95([1, 2, 3], 1.5)).toThrow(/positive integer/);
});

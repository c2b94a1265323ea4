/**
 * Load rounds that alternate between the two backends of the server bench. This machine's pace
 * drifts by a third within minutes (docs/performance-server.md), and a bench that loads SQLite
 * first and PostgreSQL afterwards compares two different machines. Rounds in the order
 * A B B A A B B A … give each side the same share of every stretch of time, so a drift that is
 * steady over a pair of rounds cancels out, and each side's figures are pooled over its rounds.
 */

/** Rounds per backend (COPYDESK_BENCH_ROUNDS, default 2). */
export function benchRounds(value: string | undefined): number {
  if (value === undefined || value === '') return 2;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 20)
    throw new Error(`COPYDESK_BENCH_ROUNDS must be a whole number from 1 to 20, not "${value}"`);
  return n;
}

/**
 * The order of the rounds: every side `rounds` times, the pairs alternating which side goes first
 * (A B, B A, A B, …). One side alone simply runs `rounds` times.
 */
export function roundOrder<T>(sides: readonly T[], rounds: number): T[] {
  const out: T[] = [];
  for (let r = 0; r < rounds; r++) out.push(...(r % 2 === 0 ? sides : [...sides].reverse()));
  return out;
}

/** Latencies of one round, by what they belong to. */
export interface RoundSamples {
  all: number[];
  push: number[];
  pull: number[];
  writing: number[];
  noop: number[];
}

/** The samples of several rounds together. */
export function pooled(rounds: readonly RoundSamples[]): RoundSamples {
  const join = (key: keyof RoundSamples) => rounds.flatMap((r) => r[key]);
  return {
    all: join('all'),
    push: join('push'),
    pull: join('pull'),
    writing: join('writing'),
    noop: join('noop'),
  };
}

/** The mean of per-request figures, each weighted by its round's requests. */
export function weightedMean(items: readonly { value: number; weight: number }[]): number {
  const weight = items.reduce((n, i) => n + i.weight, 0);
  if (weight === 0) return NaN;
  return items.reduce((n, i) => n + i.value * i.weight, 0) / weight;
}

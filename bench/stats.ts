import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchRoot = dirname(fileURLToPath(import.meta.url));

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function summarize(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: s.length,
    median: round(at(0.5)),
    p95: round(at(0.95)),
    min: round(s[0]!),
    max: round(s[s.length - 1]!),
  };
}

/**
 * A p95 that one unlucky moment cannot swing: the samples (in the order they were taken) in
 * rounds of `roundSize`, the p95 of each round, and the median of those. A trailing part round
 * is dropped. Throws when there is not one whole round.
 */
export function steadyP95(
  samples: readonly number[],
  roundSize: number,
): { median: number; rounds: number[] } {
  if (!Number.isInteger(roundSize) || roundSize < 1) {
    throw new Error(`steadyP95: roundSize must be a positive integer, got ${roundSize}`);
  }
  const rounds: number[] = [];
  for (let i = 0; i + roundSize <= samples.length; i += roundSize) {
    rounds.push(summarize(samples.slice(i, i + roundSize)).p95);
  }
  if (rounds.length === 0) {
    throw new Error(`steadyP95: ${samples.length} samples make no round of ${roundSize}`);
  }
  const sorted = [...rounds].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median: Math.round(median * 1000) / 1000, rounds };
}

export function time<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const r = fn();
  return [performance.now() - t0, r];
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

/** A ratio taken round by round: geometric mean and its 95 % interval. */
export interface PairedRatio {
  geo: number;
  low: number;
  high: number;
}

/**
 * Geometric mean of b[i]/a[i] and its 95 % interval (mean of the logs ± 2 standard errors): the
 * ratio of two pages loaded in the same rounds, each round's machine pace cancelled out.
 */
export function pairedRatio(a: number[], b: number[]): PairedRatio {
  if (a.length !== b.length || a.length < 2)
    throw new Error(`pairedRatio needs two series of one length ≥ 2 (${a.length}, ${b.length})`);
  if ([...a, ...b].some((x) => !(x > 0))) throw new Error('pairedRatio needs positive durations');
  const logs = b.map((x, i) => Math.log(x / a[i]!));
  const mean = logs.reduce((s, x) => s + x, 0) / logs.length;
  const sd = Math.sqrt(logs.reduce((s, x) => s + (x - mean) ** 2, 0) / (logs.length - 1));
  const se = sd / Math.sqrt(logs.length);
  return { geo: Math.exp(mean), low: Math.exp(mean - 2 * se), high: Math.exp(mean + 2 * se) };
}

export function ratio(ours: number, baseline: number): number {
  return Math.round((ours / Math.max(baseline, 1e-6)) * 100) / 100;
}

export function writeResult(name: string, data: object): string {
  const path = join(benchRoot, 'results', `${name}.json`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(
    path,
    JSON.stringify(
      { ...data, recordedAt: new Date().toISOString(), node: process.version },
      null,
      2,
    ) + '\n',
  );
  return path;
}

export function printTable(title: string, rows: Record<string, string | number | boolean>[]): void {
  console.log(`\n${title}`);
  console.table(rows);
}

/**
 * The order in which to load alternating pages in `round`: every permutation in turn, so that
 * each page loads equally often first, second, … A fixed order is not neutral here: in A/A runs
 * (the same build twice) the page in one place loaded up to 6 % faster than in another
 * (docs/performance.md, "Opening, tenth step").
 */
export function roundOrder<T>(items: readonly T[], round: number): T[] {
  const permutations = (rest: readonly T[]): T[][] =>
    rest.length <= 1
      ? [[...rest]]
      : rest.flatMap((x, i) =>
          permutations([...rest.slice(0, i), ...rest.slice(i + 1)]).map((p) => [x, ...p]),
        );
  const all = permutations(items);
  return all[round % all.length]!;
}

import { describe, expect, it } from 'vitest';
import { pairedRatio } from '../../bench/stats';

describe('pairedRatio (two pages loaded in the same rounds)', () => {
  it('is 1 with an interval around it when B is A with noise in both directions', () => {
    const a = [500, 520, 480, 510, 490, 505];
    const b = [505, 515, 485, 505, 495, 500];
    const r = pairedRatio(a, b);
    expect(r.geo).toBeCloseTo(1, 2);
    expect(r.low).toBeLessThan(1);
    expect(r.high).toBeGreaterThan(1);
  });

  it('finds a tenth less when every round of B is a tenth faster, with a narrow interval', () => {
    const a = [500, 600, 550, 520];
    const r = pairedRatio(
      a,
      a.map((x) => x * 0.9),
    );
    expect(r.geo).toBeCloseTo(0.9, 6);
    expect(r.low).toBeCloseTo(0.9, 6);
    expect(r.high).toBeCloseTo(0.9, 6);
  });

  it('refuses series of different lengths, a single round, and durations that are not positive', () => {
    expect(() => pairedRatio([1, 2, 3], [1, 2])).toThrow(/one length/);
    expect(() => pairedRatio([1], [1])).toThrow(/≥ 2/);
    expect(() => pairedRatio([1, 0], [1, 2])).toThrow(/positive/);
    expect(() => pairedRatio([1, 2], [1, Number.NaN])).toThrow(/positive/);
  });
});

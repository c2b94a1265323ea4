import { describe, expect, it } from 'vitest';
import { msToNextDay, startOfDay } from './useToday';

describe('the local day', () => {
  it('starts at local midnight', () => {
    expect(startOfDay(new Date(2026, 11, 4, 17, 30, 12))).toEqual(new Date(2026, 11, 4));
    expect(startOfDay(new Date(2026, 11, 4))).toEqual(new Date(2026, 11, 4));
  });
  it('ends at the next local midnight, across a month and a year', () => {
    expect(msToNextDay(new Date(2026, 11, 4, 23, 59, 59))).toBe(1000);
    expect(msToNextDay(new Date(2026, 11, 31, 12))).toBe(12 * 3600 * 1000);
    const lastMoment = new Date(2026, 11, 31, 23, 59, 59, 999);
    expect(msToNextDay(lastMoment)).toBe(1);
    expect(new Date(lastMoment.getTime() + msToNextDay(lastMoment))).toEqual(new Date(2027, 0, 1));
  });
});

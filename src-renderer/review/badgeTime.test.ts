import { describe, expect, it } from 'vitest';
import { badgeTime } from './badgeTime';

const NOW = Date.parse('2027-01-12T10:00:00.000Z'); // a Tuesday

describe('badge times on the newsroom clocks', () => {
  it('names the weekday within the coming week, in the zone, 24-hour', () => {
    expect(badgeTime('2027-01-14T05:00:00.000Z', 'en', 'Europe/Berlin', NOW)).toBe('Thu 06:00');
    expect(badgeTime('2027-01-14T05:00:00.000Z', 'de', 'Europe/Berlin', NOW)).toBe('Do. 06:00');
    expect(badgeTime('2027-01-14T05:00:00.000Z', 'en', 'America/New_York', NOW)).toBe('Thu 00:00');
  });

  it('gives the date for later and for past times', () => {
    expect(badgeTime('2027-01-25T05:00:00.000Z', 'en', 'Europe/Berlin', NOW)).toBe('Jan 25 06:00');
    expect(badgeTime('2027-01-25T05:00:00.000Z', 'de', 'Europe/Berlin', NOW)).toBe(
      '25. Jan. 06:00',
    );
    expect(badgeTime('2027-01-10T05:00:00.000Z', 'en', 'Europe/Berlin', NOW)).toBe('Jan 10 06:00');
  });
});

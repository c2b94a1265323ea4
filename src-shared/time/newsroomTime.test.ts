import { describe, expect, it } from 'vitest';
import { isTimeZone, parseNewsroomTime, toWallTimeInput } from './newsroomTime';

const BERLIN = 'Europe/Berlin';
const utc = (text: string) => {
  const r = parseNewsroomTime(text, BERLIN);
  return r.ok ? r.utc : r.reason;
};

describe('newsroom time (Europe/Berlin)', () => {
  it('reads local winter and summer times and ISO times with an offset as UTC', () => {
    expect(utc('2027-01-15 06:00')).toBe('2027-01-15T05:00:00.000Z');
    expect(utc('2027-07-15 06:00')).toBe('2027-07-15T04:00:00.000Z');
    expect(utc('2027-01-15T06:00:00+01:00')).toBe('2027-01-15T05:00:00.000Z');
    expect(utc('2027-01-15T05:00Z')).toBe('2027-01-15T05:00:00.000Z');
  });

  it('handles the spring transition on 2027-03-28: 02:30 does not exist, 01:59 and 03:00 do', () => {
    expect(utc('2027-03-28 01:59')).toBe('2027-03-28T00:59:00.000Z');
    expect(utc('2027-03-28 02:30')).toMatch(/does not exist in Europe\/Berlin/);
    expect(utc('2027-03-28 03:00')).toBe('2027-03-28T01:00:00.000Z');
  });

  it('handles the autumn transition on 2027-10-31: 02:30 is the first (summer-time) one', () => {
    expect(utc('2027-10-31 01:30')).toBe('2027-10-30T23:30:00.000Z');
    expect(utc('2027-10-31 02:30')).toBe('2027-10-31T00:30:00.000Z');
    expect(utc('2027-10-31 03:30')).toBe('2027-10-31T02:30:00.000Z');
  });

  it('refuses what is not a time, with a reason', () => {
    expect(utc('morgen 6 Uhr')).toMatch(/YYYY-MM-DD HH:MM/);
    expect(utc('2027-02-30 06:00')).toMatch(/not a valid date/);
    expect(utc('2027-01-15 24:00')).toMatch(/not a valid date/);
  });

  it('gives the wall time for a datetime input, across both transitions', () => {
    expect(toWallTimeInput('2027-01-15T05:00:00.000Z', BERLIN)).toBe('2027-01-15T06:00');
    expect(toWallTimeInput('2027-03-28T01:00:00.000Z', BERLIN)).toBe('2027-03-28T03:00');
    expect(toWallTimeInput('2027-10-31T01:30:00.000Z', BERLIN)).toBe('2027-10-31T02:30');
  });
});

describe('isTimeZone', () => {
  it('knows IANA names and refuses typos, offsets and injection-shaped text', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Berlinn')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('+01:00')).toBe(false);
    expect(isTimeZone('Europe/Berlin; drop')).toBe(false);
  });
});

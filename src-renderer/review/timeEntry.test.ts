import { describe, expect, it } from 'vitest';
import { entryFields, readTimeEntry } from './timeEntry';

const BERLIN = 'Europe/Berlin';
const NOW = Date.parse('2027-01-01T00:00:00.000Z');
const read = (date: string, time: string, zone = BERLIN) => readTimeEntry(date, time, zone, NOW);

describe('reading a date and time typed in the newsroom zone', () => {
  it('reads winter and summer times as UTC', () => {
    expect(read('2027-01-15', '06:00')).toEqual({
      ok: true,
      utc: '2027-01-15T05:00:00.000Z',
      repeated: false,
    });
    expect(read('2027-07-15', '06:00')).toMatchObject({ utc: '2027-07-15T04:00:00.000Z' });
    expect(read('2027-01-15', '06:00', 'America/New_York')).toMatchObject({
      utc: '2027-01-15T11:00:00.000Z',
    });
  });

  it('refuses the hour the clocks skip in spring (2027-03-28 02:00–02:59)', () => {
    expect(read('2027-03-28', '01:59')).toMatchObject({
      ok: true,
      utc: '2027-03-28T00:59:00.000Z',
    });
    expect(read('2027-03-28', '02:00')).toEqual({ ok: false, error: 'skipped' });
    expect(read('2027-03-28', '02:30')).toEqual({ ok: false, error: 'skipped' });
    expect(read('2027-03-28', '03:00')).toMatchObject({
      ok: true,
      utc: '2027-03-28T01:00:00.000Z',
    });
  });

  it('takes the first of the hour that happens twice in autumn and says it is repeated', () => {
    expect(read('2027-10-31', '01:59')).toMatchObject({ repeated: false });
    expect(read('2027-10-31', '02:00')).toEqual({
      ok: true,
      utc: '2027-10-31T00:00:00.000Z',
      repeated: true,
    });
    expect(read('2027-10-31', '02:30')).toMatchObject({
      utc: '2027-10-31T00:30:00.000Z',
      repeated: true,
    });
    expect(read('2027-10-31', '03:00')).toMatchObject({
      utc: '2027-10-31T02:00:00.000Z',
      repeated: false,
    });
  });

  it('refuses what is missing, malformed, impossible or past', () => {
    expect(read('', '06:00')).toEqual({ ok: false, error: 'missing' });
    expect(read('2027-01-15', ' ')).toEqual({ ok: false, error: 'missing' });
    expect(read('15.01.2027', '06:00')).toEqual({ ok: false, error: 'invalid' });
    expect(read('2027-02-29', '06:00')).toEqual({ ok: false, error: 'invalid' });
    expect(read('2027-01-15', '24:00')).toEqual({ ok: false, error: 'invalid' });
    expect(read('2027-01-15', '6 Uhr')).toEqual({ ok: false, error: 'invalid' });
    expect(read('2026-12-31', '23:00')).toEqual({ ok: false, error: 'past' });
    // 2027-01-01 00:00 in Berlin is 2026-12-31 23:00 UTC: before NOW.
    expect(read('2027-01-01', '00:30')).toEqual({ ok: false, error: 'past' });
    expect(read('2027-01-01', '01:01')).toMatchObject({ ok: true });
  });

  it('shows a UTC time as the fields, across both transitions', () => {
    expect(entryFields('2027-01-15T05:00:00.000Z', BERLIN)).toEqual({
      date: '2027-01-15',
      time: '06:00',
    });
    expect(entryFields('2027-03-28T01:00:00.000Z', BERLIN)).toEqual({
      date: '2027-03-28',
      time: '03:00',
    });
    expect(entryFields('2027-10-30T23:30:00.000Z', BERLIN)).toEqual({
      date: '2027-10-31',
      time: '01:30',
    });
  });
});

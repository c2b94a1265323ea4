/**
 * A date and a time typed in the newsroom's zone (an <input type="date"> and an
 * <input type="time">), read as a UTC instant, with the reason when it cannot be one. Daylight
 * saving: a wall time the clocks skip is refused; one that happens twice (the autumn hour) is its
 * first occurrence, and `repeated` says so, so that the dialog can say which one is meant.
 */
import {
  fromWallTime,
  toWallTimeInput,
  zoneOffsetMinutes,
} from '../../src-shared/time/newsroomTime';

export type TimeEntryError = 'missing' | 'invalid' | 'skipped' | 'past';

export type TimeEntry =
  { ok: true; utc: string; repeated: boolean } | { ok: false; error: TimeEntryError };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::00(?:\.000)?)?$/;
const HALF_DAY = 12 * 3600_000;

export function readTimeEntry(date: string, time: string, zone: string, nowMs: number): TimeEntry {
  if (date.trim() === '' || time.trim() === '') return { ok: false, error: 'missing' };
  const d = DATE.exec(date.trim());
  const t = TIME.exec(time.trim());
  if (!d || !t) return { ok: false, error: 'invalid' };
  const [year, month, day] = d.slice(1).map(Number) as [number, number, number];
  const [hour, minute] = t.slice(1).map(Number) as [number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) {
    return { ok: false, error: 'invalid' };
  }
  const utc = fromWallTime({ year, month, day, hour, minute }, zone);
  if (!utc) return { ok: false, error: 'skipped' };
  const ms = Date.parse(utc);
  if (ms <= nowMs) return { ok: false, error: 'past' };
  // The clocks go back around here: does the same wall time come again, later?
  const shift = zoneOffsetMinutes(ms - HALF_DAY, zone) - zoneOffsetMinutes(ms + HALF_DAY, zone);
  const later = new Date(ms + shift * 60_000).toISOString();
  const repeated = shift > 0 && toWallTimeInput(later, zone) === toWallTimeInput(utc, zone);
  return { ok: true, utc, repeated };
}

/** The date and time fields that show a UTC instant in the zone. */
export function entryFields(utc: string, zone: string): { date: string; time: string } {
  const wall = toWallTimeInput(utc, zone);
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

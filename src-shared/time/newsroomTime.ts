/**
 * Times in the newsroom's time zone (Europe/Berlin unless configured): what a chief types as
 * "2027-01-15 06:00" means 06:00 on the newsroom's clocks, stored as UTC. Daylight saving is
 * Intl's: a wall time that does not exist (the hour skipped in spring) is refused; one that
 * exists twice (the hour repeated in autumn) is its first occurrence.
 */
export const DEFAULT_NEWSROOM_TIME_ZONE = 'Europe/Berlin';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export type ParsedTime = { ok: true; utc: string } | { ok: false; reason: string };

/** Minutes the zone is ahead of UTC at the instant `ms`. */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The UTC instant of a wall time in the zone (null: that wall time does not exist there). */
export function fromWallTime(
  wall: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): string | null {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // The two offsets around the wall time; the earlier instant that shows it wins.
  const candidates = [
    zoneOffsetMinutes(asUtc - 864e5 / 2, timeZone),
    zoneOffsetMinutes(asUtc + 864e5 / 2, timeZone),
  ]
    .map((off) => asUtc - off * 60_000)
    .filter((ms) => {
      const back = new Date(ms + zoneOffsetMinutes(ms, timeZone) * 60_000);
      return back.getTime() === asUtc;
    })
    .sort((a, b) => a - b);
  return candidates.length > 0 ? new Date(candidates[0]!).toISOString() : null;
}

/** Reads "2027-01-15 06:00" (newsroom time) or ISO 8601 with an offset; the result is UTC. */
export function parseNewsroomTime(text: string, timeZone: string): ParsedTime {
  const t = text.trim();
  if (WITH_OFFSET.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms)
      ? { ok: false, reason: `"${text}" is not a valid time.` }
      : { ok: true, utc: new Date(ms).toISOString() };
  }
  const m = LOCAL.exec(t);
  if (!m) {
    return {
      ok: false,
      reason: `"${text}": write the time as YYYY-MM-DD HH:MM (${timeZone}) or ISO 8601 with an offset.`,
    };
  }
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59)
    return { ok: false, reason: `"${text}" is not a valid date and time.` };
  const utc = fromWallTime({ year, month, day, hour, minute }, timeZone);
  return utc
    ? { ok: true, utc }
    : { ok: false, reason: `${t} does not exist in ${timeZone} (the clocks skip that hour).` };
}

/** The value of an <input type="datetime-local"> (YYYY-MM-DDTHH:MM) for a UTC time. */
export function toWallTimeInput(utc: string, timeZone: string): string {
  const ms = Date.parse(utc);
  const wall = new Date(ms + zoneOffsetMinutes(ms, timeZone) * 60_000);
  return wall.toISOString().slice(0, 16);
}

/** Whether `name` is an IANA time zone this runtime knows ("Europe/Berlin"; not "CET+1"). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

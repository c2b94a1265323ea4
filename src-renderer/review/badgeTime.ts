/**
 * The short time of a list badge on the newsroom's clocks: the weekday within the coming week
 * ("Thu 06:00", "Do. 06:00"), else the date ("Jan 15 06:00", "15. Jan. 06:00"); past times get the date too.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(language: string, zone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${language}|${zone}|${withDate}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language, {
      timeZone: zone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      ...(withDate ? { day: 'numeric', month: 'short' } : { weekday: 'short' }),
    });
    formats.set(key, f);
  }
  return f;
}

const SIX_DAYS = 6 * 864e5;

export function badgeTime(iso: string, language: string, zone: string, nowMs: number): string {
  const ms = Date.parse(iso);
  const soon = ms >= nowMs && ms - nowMs < SIX_DAYS;
  return format(language, zone, !soon)
    .format(new Date(ms))
    .replace(/,(?= \d)/, '');
}

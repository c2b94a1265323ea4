/**
 * Times, dates and key names in the UI language (not the browser's): 24-hour clock in German,
 * "Strg" for Ctrl on German keyboards, the ⌘ symbols on macOS.
 */
import { IS_MAC } from '../editor/shortcuts';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    const hourCycle = language.startsWith('de') ? { hourCycle: 'h23' as const } : {};
    f = new Intl.DateTimeFormat(language, { ...options, ...hourCycle });
    formats.set(key, f);
  }
  return f;
}

/** "12:03:51" in German, "12:03:51 PM" in English. */
export function formatTime(iso: string, language: string): string {
  return format(language, { timeStyle: 'medium' }).format(new Date(iso));
}

/**
 * "19:47" in German, "7:47 PM" in English: a clock time without seconds, the same on the list
 * rows, the status line's save time and the suggestions.
 */
export function formatClockTime(date: Date, language: string): string {
  return format(language, { timeStyle: 'short' }).format(date);
}

export function formatDateTime(
  iso: string,
  language: string,
  style: { dateStyle: 'short' | 'medium'; timeStyle: 'short' | 'medium' } = {
    dateStyle: 'medium',
    timeStyle: 'short',
  },
): string {
  return format(language, style).format(new Date(iso));
}

/**
 * A list row's time, as short as it can be told apart: the time for today ("09:07"), day and
 * month this year ("4. Dez.", "Dec 4"), the short date before ("04.12.25"). `today` is any moment
 * of the local day the list counts as today.
 */
export function formatListTime(iso: string, today: Date, language: string): string {
  const d = new Date(iso);
  if (d.toDateString() === today.toDateString()) return formatClockTime(d, language);
  if (d.getFullYear() === today.getFullYear()) {
    return format(language, { day: 'numeric', month: 'short' }).format(d);
  }
  return format(language, { dateStyle: 'short' }).format(d);
}

const MAC_KEYS: Record<string, string> = { Cmd: '⌘', Ctrl: '⌃', Alt: '⌥', Shift: '⇧' };
const GERMAN_KEYS: Record<string, string> = {
  Ctrl: 'Strg',
  Shift: 'Umschalt',
  Delete: 'Entf',
  Home: 'Pos1',
  End: 'Ende',
  PageUp: 'Bild↑',
  PageDown: 'Bild↓',
};

const ENGLISH_KEYS: Record<string, string> = { PageUp: 'Page Up', PageDown: 'Page Down' };

/** A shortcut such as "Ctrl+Shift+F" as its keyboard labels it: "Strg+Umschalt+F", "⌘⇧F". */
export function keyLabel(keys: string, language: string, mac: boolean = IS_MAC): string {
  if (keys.length <= 1) return keys;
  const parts = keys.split('+');
  if (mac) return parts.map((p) => MAC_KEYS[p] ?? p).join('');
  const names = language.startsWith('de') ? GERMAN_KEYS : ENGLISH_KEYS;
  return parts.map((p) => names[p] ?? p).join('+');
}

/** "Tue, 15 Jan 2027, 06:00" on the newsroom's clocks (the time zone schedules are entered in). */
export function formatNewsroomTime(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

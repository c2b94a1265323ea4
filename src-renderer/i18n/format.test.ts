import { describe, expect, it } from 'vitest';
import { formatClockTime, formatDateTime, formatListTime, formatTime, keyLabel } from './format';

const iso = '2026-12-02T18:03:51Z';

describe('times in the UI language', () => {
  it('uses the 24-hour clock in German and AM/PM in English', () => {
    const de = formatTime(iso, 'de');
    expect(de).toMatch(/^\d{2}:03:51$/);
    expect(de).not.toMatch(/AM|PM/);
    expect(formatTime(iso, 'en')).toMatch(/:03:51\s?(AM|PM)$/);
  });
  it('writes a clock time without seconds, and no leading zero before AM/PM', () => {
    const evening = new Date(2026, 11, 4, 19, 7);
    const morning = new Date(2026, 11, 4, 7, 47);
    expect(formatClockTime(evening, 'de')).toBe('19:07');
    expect(formatClockTime(morning, 'de')).toBe('07:47');
    expect(formatClockTime(evening, 'en')).toMatch(/^7:07\sPM$/);
    expect(formatClockTime(morning, 'en')).toMatch(/^7:47\sAM$/);
  });
  it('writes dates the German way', () => {
    expect(formatDateTime(iso, 'de', { dateStyle: 'short', timeStyle: 'short' })).toMatch(
      /^02\.12\.26, \d{2}:03$/,
    );
  });
});

describe("a list row's time", () => {
  // Local times: the list counts days as the desk's clock does.
  const today = new Date(2026, 11, 4, 17, 30);
  const at = (y: number, m: number, d: number, h = 9, min = 7) =>
    new Date(y, m, d, h, min).toISOString();
  it('is the clock time for a change made today', () => {
    expect(formatListTime(at(2026, 11, 4), today, 'de')).toBe('09:07');
    expect(formatListTime(at(2026, 11, 4, 0, 0), today, 'de')).toBe('00:00');
    expect(formatListTime(at(2026, 11, 4, 21, 5), today, 'en')).toMatch(/^9:05\sPM$/);
  });
  it('is day and month earlier this year, and a date with the year before', () => {
    expect(formatListTime(at(2026, 11, 3, 23, 59), today, 'de')).toBe('3. Dez.');
    expect(formatListTime(at(2026, 0, 15), today, 'en')).toBe('Jan 15');
    expect(formatListTime(at(2025, 11, 4), today, 'de')).toBe('04.12.25');
    expect(formatListTime(at(2025, 11, 4), today, 'en')).toBe('12/4/25');
  });
});

describe('keyLabel', () => {
  it('says Strg and Umschalt on German keyboards', () => {
    expect(keyLabel('Ctrl+Shift+F', 'de', false)).toBe('Strg+Umschalt+F');
    expect(keyLabel('Ctrl+Alt+2', 'de', false)).toBe('Strg+Alt+2');
    expect(keyLabel('Ctrl+B', 'en', false)).toBe('Ctrl+B');
    // The list's keys as German and English keyboards label them.
    expect(['Delete', 'Home', 'End', 'PageUp'].map((k) => keyLabel(k, 'de', false))).toEqual([
      'Entf',
      'Pos1',
      'Ende',
      'Bild↑',
    ]);
    expect(keyLabel('PageDown', 'en', false)).toBe('Page Down');
    expect(keyLabel('↑', 'de', false)).toBe('↑');
  });
  it('uses the macOS symbols on a Mac in any language', () => {
    expect(keyLabel('Cmd+Shift+Z', 'de', true)).toBe('⌘⇧Z');
    expect(keyLabel('Alt+N', 'en', true)).toBe('⌥N');
  });
  it('leaves single keys alone', () => {
    expect(keyLabel('/', 'de', false)).toBe('/');
    expect(keyLabel('F1', 'de', true)).toBe('F1');
  });
});

import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime, keyLabel } from './format';

const iso = '2026-12-02T18:03:51Z';

describe('times in the UI language', () => {
  it('uses the 24-hour clock in German and AM/PM in English', () => {
    const de = formatTime(iso, 'de');
    expect(de).toMatch(/^\d{2}:03:51$/);
    expect(de).not.toMatch(/AM|PM/);
    expect(formatTime(iso, 'en')).toMatch(/:03:51\s?(AM|PM)$/);
  });
  it('writes dates the German way', () => {
    expect(formatDateTime(iso, 'de', { dateStyle: 'short', timeStyle: 'short' })).toMatch(
      /^02\.12\.26, \d{2}:03$/,
    );
  });
});

describe('keyLabel', () => {
  it('says Strg and Umschalt on German keyboards', () => {
    expect(keyLabel('Ctrl+Shift+F', 'de', false)).toBe('Strg+Umschalt+F');
    expect(keyLabel('Ctrl+Alt+2', 'de', false)).toBe('Strg+Alt+2');
    expect(keyLabel('Ctrl+B', 'en', false)).toBe('Ctrl+B');
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

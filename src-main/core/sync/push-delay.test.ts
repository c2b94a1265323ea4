import { expect, it } from 'vitest';
import { PUSH_DEBOUNCE_MS, pushDelayMs } from './push-delay';

it('takes COPYDESK_PUSH_DELAY_MS when set, else the short default', () => {
  expect(pushDelayMs({})).toBe(PUSH_DEBOUNCE_MS);
  expect(pushDelayMs({ COPYDESK_PUSH_DELAY_MS: '' })).toBe(PUSH_DEBOUNCE_MS);
  expect(pushDelayMs({ COPYDESK_PUSH_DELAY_MS: '2500' })).toBe(2500);
  expect(pushDelayMs({ COPYDESK_PUSH_DELAY_MS: '0' })).toBe(0);
});

it('refuses a value that is not a whole number of milliseconds up to ten minutes', () => {
  for (const bad of ['-1', '1.5', 'abc', '600001', '1e3']) {
    expect(() => pushDelayMs({ COPYDESK_PUSH_DELAY_MS: bad })).toThrow(
      `COPYDESK_PUSH_DELAY_MS must be a whole number of milliseconds from 0 to 600000, not "${bad}".`,
    );
  }
});

import { expect, it } from 'vitest';
import { WindowPresence } from './windowPresence';

it('reports the article opened last among the open windows', () => {
  const p = new WindowPresence();
  expect(p.reported()).toBeNull();
  expect(p.set('w1', 'a1')).toBe('a1');
  expect(p.set('w2', 'a2')).toBe('a2');
  expect(p.set('w1', 'a3')).toBe('a3'); // w1 moved on: the newest open
  expect(p.set('w1', null)).toBe('a2'); // w1 closed its article: w2's is still open
});

it('drops a closed window article even when its own "closed the article" never came', () => {
  const p = new WindowPresence();
  p.set('w1', 'a1');
  p.set('w2', 'a2');
  expect(p.closed('w2')).toBe('a1');
  expect(p.closed('w1')).toBeNull();
  expect(p.closed('w3')).toBeNull(); // a window that never opened anything
});

import { afterEach, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../src-shared/api';
import { WindowEvents } from './windowEvents';

function fakeCore() {
  const listeners = new Set<(e: CoreEvent) => void>();
  return {
    subscribe: (l: (e: CoreEvent) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emit: (id: string) => {
      for (const l of listeners) l({ type: 'article.deleted', id, origin: 'local' });
    },
    listeners,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

it('hands a window the events since its first call, in order, once its socket opens', () => {
  const core = fakeCore();
  const w = new WindowEvents(core.subscribe);
  core.emit('before'); // before the window's first call: it reads the state after this
  w.keep('w1');
  w.keep('w1'); // a second call changes nothing
  core.emit('a');
  core.emit('b');
  expect(w.release('w1')).toEqual([
    { type: 'article.deleted', id: 'a', origin: 'local' },
    { type: 'article.deleted', id: 'b', origin: 'local' },
  ]);
  expect(core.listeners.size).toBe(0); // keeping stopped
  expect(w.release('w1')).toEqual([]);
});

it('forgets a window that never opens its socket, and keeps only the newest past the limit', () => {
  vi.useFakeTimers();
  const core = fakeCore();
  const w = new WindowEvents(core.subscribe, { maxEvents: 2, keepMs: 1000 });
  w.keep('gone');
  vi.advanceTimersByTime(1001);
  expect(core.listeners.size).toBe(0);
  expect(w.release('gone')).toEqual([]);

  w.keep('busy');
  for (const id of ['1', '2', '3']) core.emit(id);
  expect(w.release('busy').map((e) => (e as { id: string }).id)).toEqual(['2', '3']);
  w.keep('x');
  w.close();
  expect(core.listeners.size).toBe(0);
});

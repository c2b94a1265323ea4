/** The commit signal (src-server/sync/commitSignal.ts): a pull waiting for a writer wakes at its commit. */
import { afterEach, expect, it, vi } from 'vitest';
import { InProcessBus } from '../../src-server/live/bus';
import { CommitSignal } from '../../src-server/sync/commitSignal';

afterEach(() => vi.useRealTimers());

const change = { seq: 1, entityType: 'article', entityId: 'a', scopeId: null, clientId: null };

it('wakes every waiter at the next announced commit, before its pause is over', async () => {
  const bus = new InProcessBus();
  const signal = new CommitSignal(bus);
  const woke: string[] = [];
  const a = signal.next(60_000).then(() => woke.push('a'));
  const b = signal.next(60_000).then(() => woke.push('b'));
  await bus.publish({ kind: 'changes', changes: [change] });
  await Promise.all([a, b]);
  expect(woke.sort()).toEqual(['a', 'b']);
  signal.close();
});

it('is not woken by presence, only by its pause', async () => {
  vi.useFakeTimers();
  const bus = new InProcessBus();
  const signal = new CommitSignal(bus);
  let woke = false;
  void signal.next(50).then(() => (woke = true));
  await bus.publish({ kind: 'presence-gone', instanceId: 'i', clientIds: ['c'] });
  await vi.advanceTimersByTimeAsync(49);
  expect(woke).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(woke).toBe(true);
  signal.close();
});

it('wakes whoever waits when closed, and listens no more', async () => {
  vi.useFakeTimers();
  const bus = new InProcessBus();
  const signal = new CommitSignal(bus);
  let first = false;
  void signal.next(60_000).then(() => (first = true));
  signal.close();
  await vi.advanceTimersByTimeAsync(0);
  expect(first).toBe(true);
  let second = false;
  void signal.next(30).then(() => (second = true));
  await bus.publish({ kind: 'changes', changes: [change] });
  await vi.advanceTimersByTimeAsync(29);
  expect(second).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(second).toBe(true);
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterStartupPainted, PAINT_WAIT_MS, StartupGate } from './startupGate';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('StartupGate', () => {
  it('holds calls until start-up is done, then runs each once, in order', () => {
    const gate = new StartupGate({ waitForEditor: true });
    const ran: string[] = [];
    gate.after(() => ran.push('status'));
    gate.after(() => ran.push('list'));
    expect(ran).toEqual([]);
    gate.release();
    expect(ran).toEqual(['status', 'list']);
    gate.release();
    expect(ran).toEqual(['status', 'list']);
  });

  it('runs at once after start-up, and at once when no article is opened at start', () => {
    const fn = vi.fn();
    const late = new StartupGate({ waitForEditor: true });
    late.release();
    late.after(fn);
    expect(fn).toHaveBeenCalledTimes(1);
    new StartupGate({ waitForEditor: false }).after(fn);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('a cancelled call never runs', () => {
    const gate = new StartupGate({ waitForEditor: true });
    const fn = vi.fn();
    const cancel = gate.after(fn);
    cancel();
    gate.release();
    expect(fn).not.toHaveBeenCalled();
  });

  it('opens by itself after the longest wait when the editor never gets ready', () => {
    const gate = new StartupGate({ waitForEditor: true, maxWaitMs: 3000 });
    const fn = vi.fn();
    gate.after(fn);
    vi.advanceTimersByTime(2999);
    expect(fn).not.toHaveBeenCalled();
    expect(gate.isOpen).toBe(false);
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(gate.isOpen).toBe(true);
  });

  it('after start-up and a painted frame: not before, once, and not when cancelled', () => {
    const gate = new StartupGate({ waitForEditor: true });
    const fn = vi.fn();
    afterStartupPainted(fn, gate);
    const cancelled = vi.fn();
    afterStartupPainted(cancelled, gate)();
    vi.advanceTimersByTime(PAINT_WAIT_MS);
    expect(fn).not.toHaveBeenCalled();
    gate.release();
    expect(fn).not.toHaveBeenCalled(); // the frame with the body comes first
    vi.advanceTimersByTime(PAINT_WAIT_MS);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(PAINT_WAIT_MS * 10);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
  });
});

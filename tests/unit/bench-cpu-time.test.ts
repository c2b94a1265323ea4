/**
 * The server bench's CPU accounting (bench/cpu-time.ts): it reads a process's CPU time from /proc,
 * finds a postmaster's children, and a meter counts only what was spent between start and stop.
 */
import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { cpuMeter, cpuMs, withChildren } from '../../bench/cpu-time';

/** Burns `ms` of this process's CPU time (not wall time: the machine may be busy). */
function spin(ms: number): void {
  const start = process.cpuUsage();
  const wallLimit = performance.now() + 30_000;
  while (performance.now() < wallLimit) {
    for (let i = 0; i < 10_000; i++) Math.sqrt(Math.random());
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1000 >= ms) return;
  }
  throw new Error('could not get the CPU time');
}

it('counts the CPU a process spends between start and stop, and nothing for a process that is gone', () => {
  const meter = cpuMeter(() => [process.pid]);
  const before = cpuMs(process.pid);
  spin(200);
  const spent = meter.stop();
  // /proc counts in clock ticks (10 ms): 200 ms of CPU reads as 190 ms or more.
  expect(spent).toBeGreaterThanOrEqual(190);
  expect(cpuMs(process.pid) - before).toBeGreaterThanOrEqual(190);
  expect(cpuMs(2 ** 22 + 12345)).toBe(0);
});

it("lists a process's children", async () => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)'], { stdio: 'ignore' });
  try {
    await new Promise((r) => child.once('spawn', r));
    expect(withChildren(process.pid)).toEqual(expect.arrayContaining([process.pid, child.pid]));
  } finally {
    child.kill();
  }
});

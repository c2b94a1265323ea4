/**
 * CPU time of processes (Linux /proc), for the server bench: on a shared 2-core machine the
 * latency of a closed loop of 50 clients follows the CPU each request costs, and CPU time per
 * request stays comparable when other work slows the wall clock down.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const n = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    ticksPerSecond = Number.isFinite(n) && n > 0 ? n : 100;
  }
  return ticksPerSecond;
}

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces). */
function statFields(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // gone, or not Linux
  }
}

/** User + system CPU milliseconds of a process so far (0 if it is gone). */
export function cpuMs(pid: number): number {
  const f = statFields(pid);
  // After the name: state(0) ppid(1) … utime(11) stime(12).
  if (!f) return 0;
  return ((Number(f[11]) + Number(f[12])) * 1000) / clockTicks();
}

/** The process and all its children (one level: PostgreSQL's backends of the postmaster). */
export function withChildren(pid: number): number[] {
  const out = [pid];
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    const f = statFields(Number(e));
    if (f && Number(f[1]) === pid) out.push(Number(e));
  }
  return out;
}

/** CPU milliseconds of a group of processes between `start()` and `stop()`. */
export function cpuMeter(pids: () => number[]) {
  const before = new Map(pids().map((p) => [p, cpuMs(p)]));
  return {
    stop(): number {
      let sum = 0;
      for (const p of pids()) sum += cpuMs(p) - (before.get(p) ?? 0);
      return Math.round(sum);
    },
  };
}

/**
 * The last errors in the profile's log folder, from every process and from earlier runs (a crash
 * is usually what someone asks about), for "Copy diagnostics". Only the event, message and time;
 * stacks stay in the files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { logFolder } from './desk-log';

const ERROR_LEVEL = 50;
/** Only the tail of the newest files is read: diagnostics must stay quick on a big log. */
const TAIL_BYTES = 256 * 1024;

const LogLine = z.object({
  level: z.number(),
  time: z.number(),
  source: z.string().optional(),
  msg: z.string().optional(),
  err: z.object({ message: z.string() }).partial().optional(),
});

export interface RecentError {
  at: string;
  source: string;
  event: string;
  message: string;
}

export function recentErrors(profileDir: string, max = 10): RecentError[] {
  const dir = logFolder(profileDir);
  let files: { path: string; mtime: number }[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.log'))
      .map((f) => ({ path: join(dir, f), mtime: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime)
      .slice(0, 4);
  } catch {
    return []; // no log folder yet
  }
  const errors: RecentError[] = [];
  for (const { path } of files) {
    const text = readFileSync(path, 'utf8');
    for (const line of text.slice(-TAIL_BYTES).split('\n')) {
      if (!line.startsWith('{')) continue;
      let parsed;
      try {
        parsed = LogLine.safeParse(JSON.parse(line));
      } catch {
        continue; // a line cut by a crash
      }
      if (!parsed.success || parsed.data.level < ERROR_LEVEL) continue;
      const l = parsed.data;
      errors.push({
        at: new Date(l.time).toISOString(),
        source: l.source ?? '?',
        event: l.msg ?? '',
        message: l.err?.message ?? '',
      });
    }
  }
  return errors.sort((a, b) => a.at.localeCompare(b.at)).slice(-max);
}

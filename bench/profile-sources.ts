/**
 * A CPU profile's self time per source (npm package or our module), through the build's source
 * maps: which code the time of opening went to, comparable between ours and bare Lexical.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { sourceGroup } from './coverage-sources';
import type { Profile } from './cpu-profile';

/** Source maps of the scripts in `dir`, read once per file name (null: the file has none). */
export function mapsIn(dir: string): (url: string) => TraceMap | null {
  const cache = new Map<string, TraceMap | null>();
  return (url) => {
    const name = url.split('/').pop()?.split('?')[0] ?? '';
    if (!cache.has(name)) {
      const file = join(dir, name);
      cache.set(
        name,
        existsSync(`${file}.map`) ? new TraceMap(readFileSync(`${file}.map`, 'utf8')) : null,
      );
    }
    return cache.get(name) ?? null;
  };
}

/**
 * Self ms per source group. A sample in a mapped script goes to the source its function starts
 * in; V8's own entries keep their names ("(program)", "(garbage collector)"); anything else in a
 * script without a map goes to the script's file name.
 */
export function selfBySource(
  p: Profile,
  mapFor: (url: string) => TraceMap | null,
): Map<string, number> {
  const groupOf = new Map<number, string>();
  for (const n of p.nodes) {
    const { url, lineNumber, columnNumber, functionName } = n.callFrame;
    const map = url ? mapFor(url) : null;
    let group: string;
    if (map) {
      const at = originalPositionFor(map, { line: lineNumber + 1, column: columnNumber });
      group = sourceGroup(at.source);
    } else group = url ? (url.split('/').pop() ?? url) : `(${functionName.replace(/[()]/g, '')})`;
    groupOf.set(n.id, group);
  }
  const self = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const g = groupOf.get(id) ?? '(unknown)';
    self.set(g, (self.get(g) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  return self;
}

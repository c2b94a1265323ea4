/**
 * Attributes a script's covered characters to the source files its source map names, so that
 * coverage-load.ts can say which of our modules and which packages ran before the ready mark.
 * Offsets are UTF-16 code units in both V8's coverage and source-map columns.
 */
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';

export interface SourceShare {
  size: number;
  used: number;
}

/** Where a mapped source belongs: its npm package, or its path in this repository. */
export function sourceGroup(source: string | null): string {
  if (!source) return '(bundler)';
  const inModules = source.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const [first, second] = source.slice(inModules + 'node_modules/'.length).split('/');
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? source);
  }
  return source.replace(/^(\.\.\/)+/, '').replace(/^\/+/, '');
}

/**
 * Characters and covered characters per source group. A generated segment runs from its mapping
 * to the next one (or the end of its line) and counts whole for its mapping's source.
 */
export function coverageBySource(
  code: string,
  rawMap: string,
  ran: Uint8Array,
): Map<string, SourceShare> {
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineEnd = (line: number) =>
    line + 1 < lineStarts.length ? lineStarts[line + 1]! - 1 : code.length;

  const segments: { start: number; line: number; group: string }[] = [];
  eachMapping(new TraceMap(rawMap), (m) => {
    const line = m.generatedLine - 1;
    segments.push({
      start: lineStarts[line]! + m.generatedColumn,
      line,
      group: sourceGroup(m.source),
    });
  });
  segments.sort((a, b) => a.start - b.start);

  const shares = new Map<string, SourceShare>();
  segments.forEach((seg, i) => {
    const end = Math.min(segments[i + 1]?.start ?? code.length, lineEnd(seg.line));
    let used = 0;
    for (let at = seg.start; at < end; at++) used += ran[at] ?? 0;
    const share = shares.get(seg.group) ?? { size: 0, used: 0 };
    share.size += Math.max(0, end - seg.start);
    share.used += used;
    shares.set(seg.group, share);
  });
  return shares;
}

import { describe, expect, it } from 'vitest';
import { coverageBySource, sourceGroup } from '../../bench/coverage-sources';

const map = (mappings: string) =>
  JSON.stringify({
    version: 3,
    sources: ['../../src-renderer/editor/a.ts', '../../node_modules/@scope/pkg/dist/x.js'],
    names: [],
    mappings,
  });

describe('coverage per source (bench/coverage-load.ts)', () => {
  it('groups packages by name and our files by path', () => {
    expect(sourceGroup('../../node_modules/@lexical/rich-text/dist/x.mjs')).toBe(
      '@lexical/rich-text',
    );
    expect(sourceGroup('../../node_modules/zod/v4/core/api.js')).toBe('zod');
    expect(sourceGroup('../../src-renderer/views/App.tsx')).toBe('src-renderer/views/App.tsx');
    expect(sourceGroup(null)).toBe('(bundler)');
  });

  it('counts each segment up to the next mapping for its source, covered characters apart', () => {
    // "ab;cd": a.ts maps at column 0, the package at column 3; characters 0, 1 and 4 ran.
    const shares = coverageBySource('ab;cd', map('AAAA,GCAA'), Uint8Array.from([1, 1, 0, 0, 1]));
    expect(Object.fromEntries(shares)).toEqual({
      'src-renderer/editor/a.ts': { size: 3, used: 2 },
      '@scope/pkg': { size: 2, used: 1 },
    });
  });

  it('ends a segment at the end of its line', () => {
    const shares = coverageBySource('ab\ncd', map('AAAA;ACAA'), Uint8Array.from([0, 1, 1, 1, 1]));
    expect(Object.fromEntries(shares)).toEqual({
      'src-renderer/editor/a.ts': { size: 2, used: 1 },
      '@scope/pkg': { size: 2, used: 2 },
    });
  });
});

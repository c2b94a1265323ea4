import { expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/processes';

// Two copies of lexical break the editor at run time (two sets of node classes).
it('installs exactly one copy of lexical, and every @lexical package at the same exact version', () => {
  const out = execFileSync('npm', ['ls', 'lexical', '--all', '--parseable'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  const copies = new Set(out.split('\n').filter((l) => /node_modules\/lexical$/.test(l)));
  expect([...copies]).toHaveLength(1);

  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    overrides: Record<string, string>;
  };
  const lexical = Object.entries(pkg.dependencies).filter(
    ([name]) => name === 'lexical' || name.startsWith('@lexical/'),
  );
  const versions = new Set(lexical.map(([, v]) => v));
  expect(versions.size).toBe(1);
  expect([...versions][0]).toMatch(/^\d+\.\d+\.\d+$/); // exact, no caret
  for (const [name, version] of lexical) expect(pkg.overrides[name]).toBe(version);
});

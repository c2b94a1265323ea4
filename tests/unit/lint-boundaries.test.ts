import { afterAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '../support/processes';

// The real eslint.config.js on probe files written into the real folders, linted in one ESLint
// run and removed again afterwards. Only the import rule runs, without type information: the
// directions do not depend on types, and building the project's TypeScript program took most of
// this test's time.
const probeDirs: string[] = [];
const pending = new Map<string, { file: string; code: string }>();
let results: Promise<Map<string, string[]>> | undefined;

function probeKey(file: string, code: string): string {
  return `${file}\n${code}`;
}

function register(cases: ReadonlyArray<readonly [string, string]>): void {
  for (const [file, code] of cases) pending.set(probeKey(file, code), { file, code });
}

async function lintAll(): Promise<Map<string, string[]>> {
  const paths = new Map<string, string>();
  [...pending].forEach(([key, { file, code }], i) => {
    const dir = join(repoRoot, dirname(file), `__lint_probe_${process.pid}_${i}__`);
    mkdirSync(dir, { recursive: true });
    probeDirs.push(dir);
    const probe = join(dir, file.split('/').pop()!);
    writeFileSync(probe, code);
    paths.set(probe, key);
  });
  const out = new Map<string, string[]>();
  for (const result of await new ESLint({
    cwd: repoRoot,
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  }).lintFiles([...paths.keys()])) {
    const fatal = result.messages.filter((m) => m.fatal);
    if (fatal.length) throw new Error(fatal.map((m) => m.message).join('; '));
    out.set(
      paths.get(result.filePath)!,
      result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message),
    );
  }
  return out;
}

async function importErrors(file: string, code: string): Promise<string[]> {
  results ??= lintAll();
  const errors = (await results).get(probeKey(file, code));
  if (!errors) throw new Error(`probe ${file} was not linted`);
  return errors;
}

afterAll(() => {
  for (const dir of probeDirs) rmSync(dir, { recursive: true, force: true });
});

const FORBIDDEN = [
  [
    'src-renderer/views/Bad.tsx',
    "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
  ],
  ['src-renderer/views/Bad.tsx', "import fs from 'fs';\nexport const x = fs;"],
  [
    'src-renderer/views/Bad.tsx',
    "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;",
  ],
  [
    'src-renderer/views/Bad.tsx',
    "import { openCore } from '../../../src-main/core/core';\nexport const x = openCore;",
  ],
  [
    'src-renderer/views/Bad.tsx',
    "import * as s from '../../../src-server/cli';\nexport const x = s;",
  ],
  ['src-shared/bad.ts', "import { join } from 'node:path';\nexport const x = join;"],
  ['src-shared/bad.ts', "import Database from 'better-sqlite3';\nexport const x = Database;"],
  ['src-shared/bad.ts', "import { useState } from 'react';\nexport const x = useState;"],
  ['src-main/core/bad.ts', "import { app } from 'electron';\nexport const x = app;"],
  ['src-main/harness/bad.ts', "import { app } from 'electron';\nexport const x = app;"],
  [
    'src-server/bad.ts',
    "import { openCore } from '../../src-main/core/core';\nexport const x = openCore;",
  ],
] as const;

const ALLOWED = [
  ['src-renderer/views/Good.tsx', "import { z } from 'zod';\nexport const x = z;"],
  ['src-main/electron/good.ts', "import { app } from 'electron';\nexport const x = app;"],
  ['src-main/core/good.ts', "import Database from 'better-sqlite3';\nexport const x = Database;"],
  ['src-shared/good.ts', "import { z } from 'zod';\nexport const x = z;"],
] as const;

register(FORBIDDEN);
register(ALLOWED);

describe('dependency directions are enforced by lint', () => {
  it.each(FORBIDDEN)('%s may not: %s', async (file, code) => {
    expect(await importErrors(file, code)).not.toEqual([]);
  });

  it.each(ALLOWED)('%s may: %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});

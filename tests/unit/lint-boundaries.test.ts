import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '../support/processes';

// The real eslint.config.js on probe files written into the real folders (type-aware linting
// needs files on disk that the tsconfig covers); each probe is removed again.
async function importErrors(file: string, code: string): Promise<string[]> {
  const probe = join(
    repoRoot,
    dirname(file),
    `__lint_probe_${process.pid}__`,
    file.split('/').pop()!,
  );
  mkdirSync(dirname(probe), { recursive: true });
  writeFileSync(probe, code);
  try {
    const [result] = await new ESLint({ cwd: repoRoot }).lintFiles([probe]);
    const fatal = result!.messages.filter((m) => m.fatal);
    if (fatal.length) throw new Error(fatal.map((m) => m.message).join('; '));
    return result!.messages
      .filter((m) => m.ruleId === 'no-restricted-imports')
      .map((m) => m.message);
  } finally {
    rmSync(dirname(probe), { recursive: true, force: true });
  }
}

describe('dependency directions are enforced by lint', () => {
  it.each([
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
  ])('%s may not: %s', async (file, code) => {
    expect(await importErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['src-renderer/views/Good.tsx', "import { z } from 'zod';\nexport const x = z;"],
    ['src-main/electron/good.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['src-main/core/good.ts', "import Database from 'better-sqlite3';\nexport const x = Database;"],
    ['src-shared/good.ts', "import { z } from 'zod';\nexport const x = z;"],
  ])('%s may: %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});

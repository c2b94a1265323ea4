/**
 * The programs the tests start as processes (the server, browser mode, the desk's CLI), bundled
 * by esbuild once per test run into out/test-bin. A process started from its bundle skips
 * loading tsx and compiling every module at start: measured here, a server start took 0.45
 * CPU-seconds instead of 1.0 and a browser-mode start 0.6 instead of 1.3, for each of the few
 * hundred processes a run starts. esbuild is the compiler tsx uses, so the code that runs is
 * the same. Outside a test run (benchmarks) and where the global setup did not run, tsx as
 * before, so that nothing runs a bundle older than the sources.
 *
 * The folder is two levels below the repository, like the sources: the server finds the site's
 * CSS and browser mode the repository root relative to their own file.
 */
import { existsSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');
const TEST_BIN_DIR = join(repoRoot, 'out', 'test-bin');

/** Set by the global setup once the bundles are fresh; the test workers inherit it. */
const FRESH_ENV = 'COPYDESK_TEST_BIN_FRESH';

const BUNDLES: Record<string, string> = {
  'src-server/cli.ts': 'server-cli.mjs',
  'src-main/harness/cli.ts': 'browser-mode-cli.mjs',
  'src-main/cli/index.ts': 'desk-cli.mjs',
};

/** Node's arguments to run `entry` (a path from the repository root): its bundle, or tsx. */
export function nodeArgsFor(entry: string): string[] {
  const bundle = BUNDLES[entry];
  if (bundle && process.env[FRESH_ENV] === '1' && existsSync(join(TEST_BIN_DIR, bundle)))
    return [join(TEST_BIN_DIR, bundle)];
  return ['--import', 'tsx', entry];
}

/**
 * Bundles every entry afresh. Each file is written beside its place and renamed into it, so a
 * process starting meanwhile (another project's setup builds too) reads a whole one.
 */
export async function buildTestBin(): Promise<void> {
  mkdirSync(TEST_BIN_DIR, { recursive: true });
  // Imported here: the test files import nodeArgsFor, and need no compiler.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: Object.fromEntries(
      Object.entries(BUNDLES).map(([entry, out]) => [out.replace(/\.mjs$/, ''), entry]),
    ),
    outdir: TEST_BIN_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'warning',
  });
  for (const file of result.outputFiles) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
  process.env[FRESH_ENV] = '1';
}

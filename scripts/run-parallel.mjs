#!/usr/bin/env node
// `npm test`'s first half: runs the given npm scripts (ESLint, the Prettier check, tsc, the build)
// at the same time and fails if any of them fails. Each is one Node process, so one after another
// they left a core idle. Each script's output is printed whole when it ends, with its time.
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node scripts/run-parallel.mjs SCRIPT...');
  process.exit(2);
}

// Under npm, npm_execpath is npm's own CLI script; otherwise use npm from PATH.
const npm = process.env.npm_execpath;

/** @param {string} name @returns {Promise<number>} the exit code */
function run(name) {
  const started = Date.now();
  const [command, argv] = npm
    ? [process.execPath, [npm, 'run', '--silent', name]]
    : ['npm', ['run', '--silent', name]];
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let buffered = '';
  for (const output of [child.stdout, child.stderr]) output.on('data', (d) => (buffered += d));
  return new Promise((resolve) => {
    child.once('error', (error) => resolve({ code: 1, error: String(error) }));
    child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0) }));
  }).then(({ code, error }) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const verdict = code === 0 ? 'passed' : `FAILED (exit ${code})`;
    process.stdout.write(
      `\n── npm run ${name}: ${verdict} in ${seconds} s ──\n${buffered}${error ?? ''}\n`,
    );
    return code;
  });
}

const codes = await Promise.all(scripts.map(run));
const failed = scripts.filter((_, i) => codes[i] !== 0);
if (failed.length > 0) {
  console.error(`Failed: ${failed.join(', ')}`);
  process.exit(1);
}

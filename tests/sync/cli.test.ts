/**
 * The scriptable client end to end: an editor writes and submits with the CLI, a desk chief
 * requests changes, approves, embargoes, schedules and publishes; failures give a message and a
 * non-zero exit code. The workflow calls the command line's main() in-process (a spawned tsx per
 * call cost ~45 s a run); one test spawns the real executable for its output and exit codes.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main';
import { repoRoot, type Started } from '../support/processes';
import { tempDir } from '../support/tmp';
import { startServer } from './support/harness';
import { nodeArgsFor } from '../support/test-bin';

const exec = promisify(execFile);
let tmp: ReturnType<typeof tempDir>;
let server: Started;

beforeAll(async () => {
  tmp = tempDir('copydesk-cli-');
  // A newsroom not in Berlin: the desk CLI must read and show times in the server's zone.
  const before = process.env.COPYDESK_TIME_ZONE;
  process.env.COPYDESK_TIME_ZONE = 'America/New_York';
  try {
    server = await startServer(`${tmp.dir}/server`);
  } finally {
    if (before === undefined) delete process.env.COPYDESK_TIME_ZONE;
    else process.env.COPYDESK_TIME_ZONE = before;
  }
});
afterAll(async () => {
  await server?.stop();
  tmp?.cleanup();
});

interface CliResult {
  code: number;
  out: string;
  err: string;
}

async function cli(profile: string, ...args: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await main(['--profile', join(tmp.dir, profile), ...args], {
    out: (s) => (out += s),
    err: (s) => (err += s),
  });
  return { code, out: out.trim(), err: err.trim() };
}

/** The real executable, as a script runs it. */
async function spawnedCli(profile: string, ...args: string[]): Promise<CliResult> {
  try {
    const r = await exec(
      process.execPath,
      [...nodeArgsFor('src-main/cli/index.ts'), '--profile', join(tmp.dir, profile), ...args],
      {
        cwd: repoRoot,
        // Times without an offset are read in the server's zone, whatever the desk's env says.
        env: { ...process.env, NODE_NO_WARNINGS: '1', COPYDESK_TIME_ZONE: 'Europe/Berlin' },
      },
    );
    return { code: 0, out: r.stdout.trim(), err: r.stderr.trim() };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout.trim(), err: x.stderr.trim() };
  }
}

it("the spawned executable prints to stdout and stderr and exits with main()'s code", async () => {
  // Two at once: each start compiles the client with tsx, the slow part of this file.
  const [status, failed] = await Promise.all([
    spawnedCli('spawned', '--json', 'status'),
    spawnedCli('spawned-2', 'show', '00000000-0000-7000-8000-000000000000'),
  ]);
  expect(status.code).toBe(0);
  expect(JSON.parse(status.out)).toMatchObject({ pending: 0, user: null });
  expect(failed.code).toBe(1);
  expect(failed.out).toBe('');
  expect(failed.err).toMatch(/^copydesk: /);
});

it('runs the editorial workflow from the command line with exit codes and --json', async () => {
  expect(
    (await cli('ed', 'login', '--server', server.url, '--user', 'editor', '--password', 'wrong'))
      .code,
  ).toBe(1);
  expect(
    (await cli('ed', 'login', '--server', server.url, '--user', 'editor', '--password', 'editor'))
      .code,
  ).toBe(0);
  expect(
    (await cli('chief', 'login', '--server', server.url, '--user', 'chief', '--password', 'chief'))
      .code,
  ).toBe(0);

  const file = join(tmp.dir, 'a.json');
  writeFileSync(file, JSON.stringify({ fields: { headline: 'Rathaus', teaser: 'Der Rat tagt.' } }));
  const id = (await cli('ed', 'new', '--file', file)).out;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);

  // Submitting without section and tag: the server refuses, with the reason and exit code 1.
  const refused = await cli('ed', 'submit', id);
  expect(refused.code).toBe(1);
  expect(refused.err).toContain('No section is chosen');

  expect((await cli('ed', 'set', id, 'section', 'politik')).code).toBe(0);
  const tagged = await cli('ed', '--json', 'tag', id, '+Rat', '+Wahl', '-Wahl');
  expect(JSON.parse(tagged.out)).toMatchObject({ tags: ['Rat'] });
  expect((await cli('ed', 'submit', id)).out).toContain('in_review');
  // Editors may not approve: refused by the server's rules.
  expect((await cli('ed', 'approve', id)).code).toBe(1);

  expect((await cli('chief', 'sync')).code).toBe(0);
  expect((await cli('chief', 'request-changes', id)).code).toBe(2);
  expect(
    (await cli('chief', 'request-changes', id, '--comment', 'Bitte Zitat prüfen')).out,
  ).toContain('draft');
  expect((await cli('ed', 'sync')).code).toBe(0);
  expect((await cli('ed', 'set', id, 'teaser', 'Der Rat tagt heute.')).code).toBe(0);
  expect((await cli('ed', 'submit', id)).code).toBe(0);
  expect((await cli('chief', 'sync')).code).toBe(0);
  expect((await cli('chief', 'approve', id)).out).toContain('approved');

  // Embargo and schedule: newsroom times (New York, from the server) are stored in UTC; a
  // schedule before the embargo and an unreadable time are refused (exit 1 and 2) and change
  // nothing; `none` takes both back.
  expect(await cli('chief', 'embargo', id, '2099-01-15 07:00')).toMatchObject({
    code: 0,
    out: `${id} is under embargo until 2099-01-15T12:00:00.000Z (2099-01-15 07:00 America/New_York).`,
  });
  const early = await cli('chief', 'publish', id, '--at', '2099-01-15 06:30');
  expect(early.code).toBe(1);
  expect(early.err).toMatch(/embargo/);
  const unreadable = await cli('chief', 'publish', id, '--at', 'morgen früh');
  expect(unreadable.code).toBe(2);
  expect(unreadable.err).toMatch(/YYYY-MM-DD HH:MM/);
  const scheduled = await cli(
    'chief',
    '--json',
    'publish',
    id,
    '--at',
    '2099-07-15T06:00:00+02:00',
  );
  expect(JSON.parse(scheduled.out)).toMatchObject({
    status: 'approved',
    scheduledAt: '2099-07-15T04:00:00.000Z',
    embargoUntil: '2099-01-15T12:00:00.000Z',
  });
  expect((await cli('chief', 'publish', id, '--at', 'none')).out).toBe(`${id} is not scheduled.`);
  expect((await cli('chief', 'embargo', id, 'none')).out).toBe(`${id} has no embargo.`);

  expect((await cli('chief', 'publish', id)).out).toContain('published');

  expect((await cli('ed', 'sync')).code).toBe(0);
  const shown = JSON.parse((await cli('ed', '--json', 'show', id)).out) as Record<string, unknown>;
  expect(shown).toMatchObject({
    status: 'published',
    teaser: 'Der Rat tagt heute.',
    tags: ['Rat'],
  });
  const status = JSON.parse((await cli('ed', '--json', 'status')).out) as Record<string, unknown>;
  expect(status).toMatchObject({ state: 'idle', pending: 0, user: { username: 'editor' } });
  const conflicts = JSON.parse((await cli('ed', '--json', 'conflicts')).out) as {
    items: { field: string }[];
  };
  expect(conflicts.items.map((c) => c.field)).toEqual(['article.transition']);

  expect((await cli('ed', 'bogus')).code).toBe(2);
  expect((await cli('ed', 'show', '00000000-0000-7000-8000-000000000000')).code).toBe(1);
});

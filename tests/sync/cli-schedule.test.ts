/**
 * `publish ID --at TIME` and `embargo ID TIME|none` from the command line against a real
 * server: times in the newsroom's time zone (Europe/Berlin) are stored in UTC, a schedule
 * before the embargo and an unreadable time are refused with exit codes 1 and 2 and change
 * nothing, and `none` takes a schedule back.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { repoRoot, type Started } from '../support/processes';
import { tempDir } from '../support/tmp';
import { startServer } from './support/harness';

const exec = promisify(execFile);
let tmp: ReturnType<typeof tempDir>;
let server: Started;

beforeAll(async () => {
  tmp = tempDir('copydesk-cli-schedule-');
  server = await startServer(`${tmp.dir}/server`);
});
afterAll(async () => {
  await server?.stop();
  tmp?.cleanup();
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const r = await exec(
      process.execPath,
      ['--import', 'tsx', 'src-main/cli/index.ts', '--profile', join(tmp.dir, 'chief'), ...args],
      { cwd: repoRoot, env: { ...process.env, NODE_NO_WARNINGS: '1', COPYDESK_TIME_ZONE: '' } },
    );
    return { code: 0, out: r.stdout.trim(), err: r.stderr.trim() };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout.trim(), err: x.stderr.trim() };
  }
}

it('schedules, embargoes and takes back from the command line, refusing bad times', async () => {
  expect(
    (await cli('login', '--server', server.url, '--user', 'chief', '--password', 'chief')).code,
  ).toBe(0);
  const file = join(tmp.dir, 'a.json');
  writeFileSync(
    file,
    JSON.stringify({
      fields: { headline: 'Rathaus', teaser: 'Der Rat tagt.', section: 'politik', tags: ['Rat'] },
    }),
  );
  const id = (await cli('new', '--file', file)).out;
  expect((await cli('submit', id)).code).toBe(0);
  expect((await cli('approve', id)).out).toContain('approved');

  const embargo = await cli('embargo', id, '2099-01-15 07:00');
  expect(embargo).toMatchObject({
    code: 0,
    out: `${id} is under embargo until 2099-01-15T06:00:00.000Z.`,
  });

  const early = await cli('publish', id, '--at', '2099-01-15 06:30');
  expect(early.code).toBe(1);
  expect(early.err).toMatch(/embargo/);
  const unreadable = await cli('publish', id, '--at', 'morgen früh');
  expect(unreadable.code).toBe(2);
  expect(unreadable.err).toMatch(/YYYY-MM-DD HH:MM/);

  const scheduled = await cli('--json', 'publish', id, '--at', '2099-07-15T06:00:00+02:00');
  expect(scheduled.code).toBe(0);
  expect(JSON.parse(scheduled.out)).toMatchObject({
    status: 'approved',
    scheduledAt: '2099-07-15T04:00:00.000Z',
    embargoUntil: '2099-01-15T06:00:00.000Z',
  });
  const shown = JSON.parse((await cli('--json', 'show', id)).out) as Record<string, unknown>;
  expect(shown).toMatchObject({ scheduledAt: '2099-07-15T04:00:00.000Z' });

  expect((await cli('publish', id, '--at', 'none')).out).toBe(`${id} is not scheduled.`);
  expect((await cli('embargo', id, 'none')).out).toBe(`${id} has no embargo.`);
});

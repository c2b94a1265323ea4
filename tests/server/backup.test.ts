/**
 * `npm run server -- backup --data DIR --to FILE` copies a running SQLite backend through the
 * online backup API: the copy opens as a complete database with the same rows; a file that
 * exists is never overwritten; PostgreSQL is pointed to pg_dump.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, ROOT, body, login, spawnServer, type ServerProcess } from './helpers';
import { dbFingerprint } from '../support/serverDb';
import { nodeArgsFor } from '../support/test-bin';

const exec = promisify(execFile);
const cli = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  exec(process.execPath, [...nodeArgsFor('src-server/cli.ts'), ...args], { cwd: ROOT, env });

let server: ServerProcess;
let out: string;
beforeAll(async () => {
  server = await spawnServer(['--demo'], undefined, { sqlite: true });
  out = mkdtempSync(join(tmpdir(), 'copydesk-backup-'));
  const c = new Client(server.url, await login(server.url, 'editor'));
  const r = await c.push([
    {
      name: 'article.create',
      args: { id: randomUUID(), fields: { headline: 'Gesichert' }, body: body('Text') },
    },
  ]);
  expect(r.status).toBe(200);
});
afterAll(async () => {
  await server?.stop();
  rmSync(out, { recursive: true, force: true });
});

it('copies the running server database to a file that opens with the same rows', async () => {
  const to = join(out, 'copy.db');
  const { stdout } = await cli(['backup', '--data', server.dataDir, '--to', to]);
  expect(stdout).toMatch(/^backed up .* \(\d+ pages\)\n$/);
  const copy = await dbFingerprint({ dataDir: out, file: 'copy.db' });
  expect(copy).toEqual(await dbFingerprint(server));
  expect(copy.articles).toMatch(/^1:/);
});

it('never overwrites an existing file, and refuses a folder without a database', async () => {
  const to = join(out, 'exists.db');
  writeFileSync(to, 'keep me');
  await expect(cli(['backup', '--data', server.dataDir, '--to', to])).rejects.toMatchObject({
    code: 2,
    stderr: expect.stringMatching(/exists already/),
  });
  expect(readFileSync(to, 'utf8')).toBe('keep me');
  await expect(cli(['backup', '--data', out, '--to', join(out, 'none.db')])).rejects.toMatchObject({
    code: 2,
    stderr: expect.stringMatching(/no backend database/),
  });
  expect(existsSync(join(out, 'none.db'))).toBe(false);
});

it('points PostgreSQL users to pg_dump', async () => {
  await expect(
    cli([
      'backup',
      '--data',
      server.dataDir,
      '--to',
      join(out, 'x.db'),
      '--database',
      'postgres://x@127.0.0.1/x',
    ]),
  ).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/pg_dump/) });
});

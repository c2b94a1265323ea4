/* eslint-disable @typescript-eslint/no-unsafe-call -- JSON responses are `any`; the assertions check their shape */
/**
 * Moving a newsroom: `migrate --from-sqlite DIR --to postgres://…` copies a SQLite backend into an
 * empty PostgreSQL database, verifies counts and checksums, refuses a database that is not empty
 * (changing nothing in it), and desks that synced against the old server continue against the
 * new one from their cursors and mutation ids, without a full resync.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  Client,
  ROOT,
  body,
  completeFields,
  http,
  login,
  pngBytes,
  spawnServer,
  type ServerProcess,
} from '../server/helpers';
import { dbFingerprint, serverRows } from '../support/serverDb';
import { freshDatabase } from './pg';
import { nodeArgsFor } from '../support/test-bin';

const exec = promisify(execFile);
const cli = (args: string[]) =>
  exec(process.execPath, [...nodeArgsFor('src-server/cli.ts'), ...args], { cwd: ROOT });

let dir: string;
let oldServer: ServerProcess;
let newServer: ServerProcess | undefined;
let editor: Client;
let chief: Client;
const article = randomUUID();
const published = randomUUID();
const image = randomUUID();
const png = pngBytes(7);
const setFields = (id: string, baseVersion: number, values: Record<string, unknown>) => ({
  id,
  baseVersion,
  values,
  baseValues: {},
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-move-'));
  oldServer = await spawnServer(['--demo'], join(dir, 'sqlite'), { sqlite: true });
  editor = new Client(oldServer.url, await login(oldServer.url, 'editor'));
  chief = new Client(oldServer.url, await login(oldServer.url, 'chief'));
  const put = await http(`${oldServer.url}/api/v1/blobs/${png.sha256}`, {
    method: 'PUT',
    token: chief.token,
    body: png.bytes,
  });
  expect(put.status).toBe(201);
  const a = await editor.push([
    { name: 'article.create', args: { id: article, fields: { headline: 'Alt' }, body: body('A') } },
    { name: 'article.setFields', args: setFields(article, 1, { kicker: 'Umzug' }) },
  ]);
  expect(a.body.outcomes.map((o: { status: string }) => o.status)).toEqual(['applied', 'applied']);
  const p = await chief.push([
    {
      name: 'image.create',
      args: {
        id: image,
        sha256: png.sha256,
        mime: 'image/png',
        width: 1,
        height: 1,
        meta: { credit: 'dpa', alt: 'Bild', caption: 'Bild' },
      },
    },
    { name: 'article.create', args: { id: published, fields: completeFields(), body: body('P') } },
    { name: 'article.transition', args: { id: published, from: 'draft', to: 'in_review' } },
    { name: 'article.transition', args: { id: published, from: 'in_review', to: 'approved' } },
    { name: 'article.transition', args: { id: published, from: 'approved', to: 'published' } },
    { name: 'article.setFields', args: setFields(randomUUID(), 1, { headline: 'x' }) }, // no such article
  ]);
  expect(p.body.outcomes.map((o: { status: string }) => o.status)).toEqual([
    'applied',
    'applied',
    'applied',
    'applied',
    'applied',
    'rejected',
  ]);
  await editor.pullAll();
  await chief.pullAll();
});
afterAll(async () => {
  await newServer?.stop();
  await oldServer?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('copies every table with counts and checksums verified, and the blob files', async () => {
  const before = await dbFingerprint(oldServer);
  const pageBefore = await http(`${oldServer.url}/`);
  const port = new URL(oldServer.url).port;
  await oldServer.stop();
  const url = await freshDatabase();
  const blobs = join(dir, 'shared-blobs');
  const { stdout } = await cli([
    'migrate',
    '--from-sqlite',
    oldServer.dataDir,
    '--to',
    url,
    '--blobs',
    blobs,
  ]);
  expect(stdout).toMatch(/^users\t4 rows\tsha256 [0-9a-f]{16}\tverified$/m);
  expect(stdout).toMatch(/^changes\t\d+ rows\tsha256 [0-9a-f]{16}\tverified$/m);
  expect(stdout).toMatch(/^rejected_mutations\t1 rows/m);
  expect(stdout).toMatch(/^blobs\t1 files copied to .*\tverified$/m);
  expect(stdout).toMatch(/migration complete\n$/);
  expect(readFileSync(join(blobs, png.sha256.slice(0, 2), png.sha256)).equals(png.bytes)).toBe(
    true,
  );

  // The same rows on both sides, table for table (the checksum here is the tests' own).
  const after = await dbFingerprint({ dataDir: '', databaseUrl: url });
  for (const [table, print] of Object.entries(before)) {
    if (table === 'schema_version') continue;
    expect([table, after[table]?.split(':')[0]]).toEqual([table, print.split(':')[0]]);
  }

  // The new server on the old address: same tokens, same pages, same feed.
  newServer = await spawnServer(
    ['--database', url, '--blobs', blobs, '--port', port],
    join(dir, 'pg-instance'),
  );
  expect(newServer.url).toBe(oldServer.url);
  const pageAfter = await http(`${newServer.url}/`);
  expect(pageAfter.text).toBe(pageBefore.text);
  expect((await http(`${newServer.url}/api/v1/auth/me`, { token: editor.token })).status).toBe(200);
  const img = await fetch(`${newServer.url}/api/v1/blobs/${png.sha256}`, {
    headers: { authorization: `Bearer ${chief.token}` },
  });
  expect(Buffer.from(await img.arrayBuffer()).equals(png.bytes)).toBe(true);
});

it('desks continue from their cursors and mutation ids: no resync, no gap', async () => {
  const cursorBefore = editor.cursor;
  expect(cursorBefore).toBeGreaterThan(0);
  // The chief's next mutation on the new server is numbered after the ones the old one had.
  const r = await chief.push([
    { name: 'article.setFields', args: setFields(article, 2, { teaser: 'Nach dem Umzug' }) },
  ]);
  expect(r.status).toBe(200);
  expect(r.body.outcomes[0].status).toBe('applied');
  // The editor pulls from its old cursor and gets only the new change.
  const page = await editor.pull();
  expect(page.status).toBe(200);
  expect(page.body.changes.map((c: { id: string }) => c.id)).toEqual([article]);
  expect(page.body.changes[0].seq).toBe(cursorBefore + 1);
  expect(page.body.changes[0].data.teaser).toBe('Nach dem Umzug');
  // A replayed old mutation is recognised as a duplicate, not applied twice.
  const replay = await editor.push(
    [{ name: 'article.setFields', args: setFields(article, 1, { kicker: 'Umzug' }) }],
    [2],
  );
  expect(replay.body.outcomes[0].status).toBe('duplicate');
  // New audit events continue after the copied ones.
  const audit = await serverRows(newServer!, 'SELECT id FROM audit_events ORDER BY id');
  const ids = audit.map((a) => Number(a.id));
  expect(new Set(ids).size).toBe(ids.length);
});

it('refuses a database that is not empty and changes nothing in it', async () => {
  const url = newServer!.databaseUrl as string;
  const before = await dbFingerprint({ dataDir: '', databaseUrl: url });
  await expect(
    cli(['migrate', '--from-sqlite', oldServer.dataDir, '--to', url]),
  ).rejects.toMatchObject({
    code: 2,
    stderr: expect.stringMatching(/not empty/),
  });
  expect(await dbFingerprint({ dataDir: '', databaseUrl: url })).toEqual(before);
  expect(existsSync(join(oldServer.dataDir, 'copydesk-server.db'))).toBe(true);
});

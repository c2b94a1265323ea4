/**
 * End to end: a desk database truncated to 0 bytes (or overwritten) is kept
 * aside at the next start, the app reports it, and the next sync restores the articles from the
 * server. Nothing is silently replaced.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { databasePath } from '../../src-main/core/core';
import { tempDir } from '../support/tmp';
import type { Started } from '../support/processes';
import { openClient, signIn, startServer } from './support/harness';

let tmp: ReturnType<typeof tempDir>;
let server: Started;

beforeAll(async () => {
  tmp = tempDir('copydesk-recovery-');
  server = await startServer(`${tmp.dir}/server`);
});
afterAll(async () => {
  await server?.stop();
  tmp?.cleanup();
});

it.each([
  ['truncated to 0 bytes', 'empty', ''],
  ['overwritten with garbage', 'damaged', 'garbage '.repeat(1000)],
] as const)('a database %s is kept aside and sync restores it', async (_name, reason, content) => {
  const name = `desk-${reason}`;
  const first = await openClient(tmp.dir, name);
  await signIn(first, server.url, 'editor');
  const a = await first.api['articles.create']({});
  await first.api['articles.save']({ id: a.id, fields: { headline: `Gerettet ${reason}` } });
  await first.api['sync.now']({});
  expect((await first.api['sync.status']({})).pending).toBe(0);
  await first.close();

  const path = databasePath(first.dir);
  writeFileSync(path, content);

  const second = await openClient(tmp.dir, name);
  try {
    const health = await second.api['store.health']({});
    expect(health.state).toBe('recovered');
    expect(health.message).toContain(`copydesk.db.${reason}-`);
    const kept = readdirSync(first.dir).find((f) => f.startsWith(`copydesk.db.${reason}-`));
    expect(kept).toBeDefined();
    expect(statSync(`${first.dir}/${kept}`).size).toBe(Buffer.byteLength(content));
    // The server address was in the lost database: sign in again, and sync brings it back.
    await signIn(second, server.url, 'editor');
    await second.api['sync.now']({});
    const back = await second.api['articles.get']({ id: a.id });
    expect(back.headline).toBe(`Gerettet ${reason}`);
  } finally {
    await second.close();
  }
});

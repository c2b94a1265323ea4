/**
 * Durable commits off the event loop (src-server/storage/sqlite/walSync.ts): a write resolves
 * only after the WAL was synced, and a read never begins while a commit is not yet durable.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStorage } from '../../src-server/storage/sqlite';
import { WalSync } from '../../src-server/storage/sqlite/walSync';
import type { Storage } from '../../src-server/storage/types';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-wal-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('WalSync', () => {
  it('reports a pending sync from commit until the WAL is on disk', async () => {
    const dir = tempDir();
    const storage = openSqliteStorage(join(dir, 'x.db'));
    await storage.write((tx) => tx.upsertSection({ slug: 'a', name: 'A' }));
    const wal = new WalSync(join(dir, 'x.db-wal'));
    expect(wal.pending()).toBeUndefined();
    const synced = wal.afterCommit();
    expect(wal.pending()).toBe(synced);
    await synced;
    expect(wal.pending()).toBeUndefined();
    await wal.close();
    await storage.close();
  });
});

describe('SQLite storage with synchronous full', () => {
  let storage: Storage | undefined;
  afterEach(async () => {
    await storage?.close();
    storage = undefined;
  });

  it('acknowledges writes after their sync and lets reads see only acknowledged writes', async () => {
    storage = openSqliteStorage(join(tempDir(), 'x.db'));
    const s = storage;
    const order: string[] = [];
    const writes = ['a', 'b', 'c'].map((slug) =>
      s.write(async (tx) => {
        await tx.upsertSection({ slug, name: slug.toUpperCase() });
        return slug;
      }),
    );
    for (const w of writes) void w.then((slug) => order.push(`write ${slug}`));
    // Queued behind the writes' commit: it must wait until that commit is durable.
    const read = s.read(async (tx) => (await tx.listSections()).map((x) => x.slug));
    void read.then(() => order.push('read'));
    const seen = await read;
    await Promise.all(writes);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(order.indexOf('read')).toBeGreaterThan(order.indexOf('write c'));
  });
});

/**
 * On SQLite the store announces committed change rows on the in-process bus: after COMMIT, in
 * seq order, one message per write batch; a job that fails and rolls back announces nothing.
 * (tests/server-pg/bus.test.ts covers PostgreSQL's LISTEN/NOTIFY bus.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../src-server/backend';
import type { BusMessage } from '../../src-server/live/bus';
import type { Tx } from '../../src-server/storage/types';

let dir: string;
let backend: Backend | undefined;
afterEach(async () => {
  await backend?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function addChange(tx: Tx, entityId: string): Promise<number> {
  const seq = await tx.nextSeq();
  await tx.insertChange({
    seq,
    entityType: 'article',
    entityId,
    op: 'upsert',
    version: 1,
    changedFields: ['headline'],
    actorUserId: null,
    clientId: 'desk-1',
    mutationId: seq,
    scopeId: null,
    createdAt: new Date().toISOString(),
  });
  return seq;
}

it('announces the changes of committed jobs, in seq order, and none of a rolled-back job', async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-bus-'));
  backend = await openBackend({ dataDir: dir, synchronous: 'normal' });
  const heard: BusMessage[] = [];
  backend.bus.subscribe((m) => heard.push(m));
  // Three jobs in one batch: the middle one fails after adding its change.
  const results = await Promise.allSettled([
    backend.storage.write((tx) => addChange(tx, 'a')),
    backend.storage.write(async (tx) => {
      await addChange(tx, 'failed');
      throw new Error('invalid');
    }),
    backend.storage.write((tx) => addChange(tx, 'b')),
  ]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  await new Promise((r) => setTimeout(r, 10));
  expect(heard).toEqual([
    {
      kind: 'changes',
      changes: [
        {
          seq: 1,
          entityType: 'article',
          entityId: 'a',
          scopeId: null,
          clientId: 'desk-1',
          changedFields: ['headline'],
        },
        {
          seq: 2,
          entityType: 'article',
          entityId: 'b',
          scopeId: null,
          clientId: 'desk-1',
          changedFields: ['headline'],
        },
      ],
    },
  ]);
  // A write without change rows announces nothing.
  await backend.storage.write((tx) => tx.upsertSection({ slug: 'x', name: 'X' }));
  await new Promise((r) => setTimeout(r, 10));
  expect(heard).toHaveLength(1);
});

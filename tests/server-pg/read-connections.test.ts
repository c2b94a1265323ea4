/**
 * An instance keeps at most its configured number of read connections, however many reads
 * overlap; reads beyond them wait for one and still get their answer. The default follows the
 * machine's cores (2 to 10).
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultReadConnections, openPostgresStorage } from '../../src-server/storage/postgres';
import { CONNECTION_NAMES } from '../../src-server/storage/postgres/connectionNames';
import { freshDatabase } from './pg';
import { spawnServer } from '../server/helpers';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function readConnectionsOpen(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const r = await admin.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = $1`,
      [CONNECTION_NAMES.read],
    );
    return Number(r.rows[0]?.n);
  } finally {
    await admin.end();
  }
}

/**
 * Starts `count` reads, each in a turn of its own (so none share a transaction), each holding
 * its connection until `release` is called; returns how many read connections were open while
 * they waited, and the reads' answers.
 */
async function overlappingReads(readConnections: number, count: number) {
  const url = await freshDatabase();
  const storage = await openPostgresStorage(url, { readConnections });
  cleanup.push(() => storage.close());
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const reads: Promise<string>[] = [];
  for (let i = 0; i < count; i++) {
    await new Promise((r) => setImmediate(r));
    reads.push(
      storage.read(async (tx) => {
        const seq = await tx.currentSeq();
        await held;
        return String(seq);
      }),
    );
  }
  // Every read that can get a connection gets one: wait until `readConnections` are open (at
  // most 10 s on a slow machine), then a little longer, so that any more would show too.
  const deadline = Date.now() + 10_000;
  while ((await readConnectionsOpen(url)) < readConnections && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 300));
  const open = await readConnectionsOpen(url);
  release();
  const answers = await Promise.all(reads);
  return { open, answers };
}

describe('read connections of one instance', () => {
  it('never opens more than configured, and the reads beyond them still answer', async () => {
    const { open, answers } = await overlappingReads(2, 6);
    expect(open).toBe(2);
    expect(answers).toEqual(['0', '0', '0', '0', '0', '0']);
  });

  it('opens more when more are configured', async () => {
    const { open } = await overlappingReads(5, 6);
    expect(open).toBe(5);
  });

  it('defaults to the machine’s cores, 2 to 10', () => {
    expect([1, 2, 4, 10, 64].map((cores) => defaultReadConnections(cores))).toEqual([
      2, 2, 4, 10, 10,
    ]);
  });
});

describe('--read-connections', () => {
  it.each(['0', '101', '2.5', 'many'])('refuses %s before it opens anything', async (value) => {
    await expect(spawnServer(['--read-connections', value])).rejects.toThrow(
      /--read-connections must be a whole number from 1 to 100/,
    );
  });
});

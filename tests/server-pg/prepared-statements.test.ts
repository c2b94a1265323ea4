/**
 * The runner sends the shared statements as `EXECUTE` of statements prepared on the connection
 * (postgres/runner.ts): each is parsed once per connection instead of in every message, and
 * after a failed message it is prepared again under a new name, because a statement prepared
 * in that message outlives its rollback.
 */
import pg from 'pg';
import { afterEach, expect, it, vi } from 'vitest';
import { PgRunner } from '../../src-server/storage/postgres/runner';
import { freshDatabase, recordMessages } from './pg';

const clients: pg.Client[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of clients.splice(0)) await c.end();
});

async function connection(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: await freshDatabase() });
  await c.connect();
  clients.push(c);
  await c.query('CREATE TABLE t (id text PRIMARY KEY, n bigint)');
  return c;
}

async function ids(c: pg.Client): Promise<string[]> {
  return (await c.query<{ id: string }>('SELECT id FROM t ORDER BY id')).rows.map((r) => r.id);
}

it('prepares a statement once per connection and then only executes it, with its literals', async () => {
  const c = await connection();
  const sent = recordMessages();
  for (const [id, n] of [
    ['a', 1],
    ["b'quote", null],
  ] as const) {
    const runner = new PgRunner(c, true);
    runner.queue('BEGIN');
    await runner.run('INSERT INTO t (id, n) VALUES (?, ?)', [id, n]);
    await runner.run('INSERT INTO t (id, n) VALUES (?, ?)', [`${id}2`, 7]);
    await runner.flush('COMMIT');
  }
  expect(sent.raw).toHaveLength(2);
  // One PREPARE in the first message (the second use in it executes the same statement), none after.
  expect(sent.raw[0]?.match(/PREPARE /g)).toHaveLength(1);
  expect(sent.raw[0]).toMatch(/EXECUTE (\w+)\('a', '1'\);\nEXECUTE \1\('a2', '7'\)/);
  expect(sent.raw[1]).not.toMatch(/PREPARE/);
  expect(sent.raw[1]).toMatch(/EXECUTE \w+\('b''quote', NULL\)/);
  expect(await ids(c)).toEqual(['a', 'a2', "b'quote", "b'quote2"]);
  const n = await c.query<{ n: string | null }>("SELECT n FROM t WHERE id = 'b''quote'");
  expect(n.rows[0]?.n).toBeNull();
});

it('after a failed message the statement is prepared again under a new name and works', async () => {
  const c = await connection();
  const sent = recordMessages();
  const first = new PgRunner(c, true);
  first.queue('BEGIN');
  await first.run('INSERT INTO t (id) VALUES (?)', ['a']);
  await first.run('INSERT INTO t (id) VALUES (?)', ['a']);
  await expect(first.flush('COMMIT')).rejects.toThrow(/duplicate key/);
  await c.query('ROLLBACK');
  expect(await ids(c)).toEqual([]);

  const second = new PgRunner(c, true);
  second.queue('BEGIN');
  await second.run('INSERT INTO t (id) VALUES (?)', ['b']);
  await second.flush('COMMIT');
  expect(await ids(c)).toEqual(['b']);
  const names = sent.raw.flatMap((m) => [...m.matchAll(/PREPARE (\w+)/g)].map((x) => x[1]));
  expect(names).toHaveLength(2);
  expect(new Set(names).size).toBe(2);
});

it('a statement that needs an answer gets its rows through EXECUTE, in order with the others', async () => {
  const c = await connection();
  await c.query("INSERT INTO t (id, n) VALUES ('x', 5), ('y', 6)");
  const runner = new PgRunner(c, false);
  const [x, y] = await Promise.all([
    runner.get('SELECT id, n FROM t WHERE id = ?', ['x']),
    runner.get('SELECT id, n FROM t WHERE id = ?', ['y']),
  ]);
  expect([x, y]).toEqual([
    { id: 'x', n: '5' },
    { id: 'y', n: '6' },
  ]);
});

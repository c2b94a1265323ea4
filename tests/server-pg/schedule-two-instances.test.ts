/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument -- JSON responses are `any`; the assertions check their shape */
/**
 * Two server instances on one PostgreSQL database run their schedulers at the same moment:
 * every due article is published exactly once (one publish in the timeline, one feed change).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-server/server';
import { Client, body, completeFields, http, login } from '../server/helpers';
import { freshDatabase } from './pg';

let dirs: string[] = [];
let one: RunningServer;
let two: RunningServer;
let now = new Date('2030-05-01T12:00:00.000Z');
const clock = { now: () => now };

beforeAll(async () => {
  const database = await freshDatabase();
  dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'copydesk-sched-two-')));
  const start = (dataDir: string) =>
    startServer({
      dataDir,
      databaseUrl: database,
      port: 0,
      demo: true,
      clock,
      schedulerIntervalMs: 0,
      log: () => undefined,
    });
  one = await start(dirs[0]!);
  two = await start(dirs[1]!);
});
afterAll(async () => {
  await one?.close();
  await two?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

it('publishes each due article once when both instances run their scheduler together', async () => {
  const chief = new Client(one.url, await login(one.url, 'chief'));
  const ids = Array.from({ length: 12 }, () => randomUUID());
  const r = await chief.push(
    ids.flatMap((id, i) => [
      {
        name: 'article.create',
        args: { id, fields: completeFields({ headline: `Meldung ${i}` }), body: body('Text') },
      },
      { name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } },
      { name: 'article.transition', args: { id, from: 'in_review', to: 'approved' } },
      { name: 'article.schedule', args: { id, at: '2030-05-02T04:00:00Z' } },
    ]),
  );
  expect(new Set(r.body.outcomes.map((o: { status: string }) => o.status))).toEqual(
    new Set(['applied']),
  );

  now = new Date('2030-05-02T04:00:00.000Z');
  const [a, b] = await Promise.all([one.scheduler.runDue(), two.scheduler.runDue()]);
  const published = [...a, ...b].map((o) => (o.status === 'published' ? o.id : `refused ${o.id}`));
  expect(published.sort()).toEqual([...ids].sort());
  expect(await one.scheduler.runDue()).toEqual([]);

  for (const id of ids) {
    const timeline = await http(`${two.url}/api/v1/articles/${id}/timeline`, {
      token: chief.token,
    });
    const publishes = (timeline.body.items as { action: string }[]).filter(
      (i) => i.action === 'publish',
    );
    expect(publishes).toHaveLength(1);
  }
  const list = await http(`${two.url}/api/v1/published?limit=50`);
  expect(list.status).toBe(200);
  for (let i = 0; i < ids.length; i++) expect(list.text).toContain(`Meldung ${i}`);
});

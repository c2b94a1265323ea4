/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- JSON responses are `any`; the assertions check their shape */
/**
 * Scheduled publication and embargo on the server, with a clock the test controls (no real
 * waiting): the scheduler publishes a due article through the publish path of a manual publish
 * (page, feed, timeline), the embargo refuses publishing before its time (by hand and on
 * schedule), and bad schedules are refused and change nothing. Runs on SQLite and, in the
 * server-pg project, on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-server/server';
import { SCHEMA_VERSION } from '../../src-shared/protocol';
import { createTestDatabase } from '../support/postgres';
import { testPgAdminUrl } from '../support/pgTestRun';
import { Client, body, completeFields, http, login } from './helpers';

let dir: string;
let server: RunningServer;
let chief: Client;
let editor: Client;
let now = new Date('2030-01-14T12:00:00.000Z');
const clock = { now: () => now };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-schedule-'));
  const adminUrl = testPgAdminUrl();
  server = await startServer({
    dataDir: dir,
    port: 0,
    demo: true,
    clock,
    schedulerIntervalMs: 0,
    log: () => undefined,
    ...(adminUrl ? { databaseUrl: await createTestDatabase(adminUrl) } : {}),
  });
  chief = new Client(server.url, await login(server.url, 'chief'));
  chief.schemaVersion = SCHEMA_VERSION;
  editor = new Client(server.url, await login(server.url, 'editor'));
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An approved article with a complete checklist. */
async function approved(headline: string): Promise<string> {
  const id = randomUUID();
  const r = await chief.push([
    {
      name: 'article.create',
      args: { id, fields: completeFields({ headline }), body: body('Text') },
    },
    { name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } },
    { name: 'article.transition', args: { id, from: 'in_review', to: 'approved' } },
  ]);
  expect(r.body.outcomes.map((o: { status: string }) => o.status)).toEqual([
    'applied',
    'applied',
    'applied',
  ]);
  return id;
}

async function outcome(c: Client, name: string, args: unknown) {
  const r = await c.push([{ name, args }]);
  expect(r.status).toBe(200);
  return r.body.outcomes[0] as { status: string; code?: string };
}

async function state(id: string) {
  const pages = await chief.pullAll();
  let found: Record<string, unknown> | undefined;
  for (const p of pages)
    for (const c of p.changes) if (c.entity === 'article' && c.id === id) found = c.data;
  return found;
}

async function articleState(id: string) {
  chief.cursor = 0;
  return state(id);
}

describe('scheduled publication', () => {
  it('publishes a scheduled article at its time, not before, with page, feed and timeline', async () => {
    const id = await approved('Neue Brücke über die Aa');
    // Entered with an offset (06:00 in Berlin), stored in UTC.
    expect(
      await outcome(chief, 'article.schedule', { id, at: '2030-01-15T06:00:00+01:00' }),
    ).toEqual({ id: expect.any(Number), status: 'applied' });
    expect(await articleState(id)).toMatchObject({
      status: 'approved',
      scheduledAt: '2030-01-15T05:00:00.000Z',
    });

    now = new Date('2030-01-15T04:59:59.000Z');
    expect(await server.scheduler.runDue()).toEqual([]);
    const before = await http(`${server.url}/api/v1/published?limit=50`);
    expect(before.status).toBe(200);
    expect(before.text).not.toContain('Neue Brücke');

    now = new Date('2030-01-15T05:00:00.000Z');
    expect(await server.scheduler.runDue()).toEqual([{ id, status: 'published' }]);
    expect(await server.scheduler.runDue()).toEqual([]); // once
    const a = await articleState(id);
    expect(a).toMatchObject({
      status: 'published',
      scheduledAt: null,
      publishedAt: '2030-01-15T05:00:00.000Z',
    });
    const page = await http(`${server.url}/articles/${String(a!.slug)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Neue Brücke über die Aa');
    expect((await http(`${server.url}/feed.xml`)).text).toContain('Neue Brücke über die Aa');
    const timeline = await http(`${server.url}/api/v1/articles/${id}/timeline`, {
      token: chief.token,
    });
    // Published on behalf of the chief who scheduled it, at the scheduled time.
    expect(timeline.body.items.at(-1)).toMatchObject({
      action: 'publish',
      user: { username: 'chief' },
      at: '2030-01-15T05:00:00.000Z',
    });
  });

  it('refuses a schedule in the past, of an unapproved article, or by an editor, changing nothing', async () => {
    now = new Date('2030-02-01T12:00:00.000Z');
    const id = await approved('Haushalt 2031');
    expect(
      await outcome(chief, 'article.schedule', { id, at: '2030-02-01T11:00:00Z' }),
    ).toMatchObject({ status: 'rejected', code: 'schedule_in_past' });
    expect(await outcome(chief, 'article.schedule', { id, at: 'morgen früh' })).toMatchObject({
      status: 'rejected',
      code: 'invalid_args',
    });
    expect(
      await outcome(editor, 'article.schedule', { id, at: '2030-02-02T05:00:00Z' }),
    ).toMatchObject({ status: 'rejected' });
    const draft = randomUUID();
    await chief.push([{ name: 'article.create', args: { id: draft, fields: completeFields() } }]);
    expect(
      await outcome(chief, 'article.schedule', { id: draft, at: '2030-02-02T05:00:00Z' }),
    ).toMatchObject({ status: 'rejected', code: 'not_approved' });
    expect(await articleState(id)).toMatchObject({ status: 'approved' });
    expect((await articleState(id))?.scheduledAt ?? null).toBeNull();
  });

  it('reschedules and takes back: a taken-back article stays approved and is not published', async () => {
    now = new Date('2030-03-01T12:00:00.000Z');
    const id = await approved('Stadtfest verschoben');
    await outcome(chief, 'article.schedule', { id, at: '2030-03-02T05:00:00Z' });
    await outcome(chief, 'article.schedule', { id, at: '2030-03-03T05:00:00Z' });
    expect(await articleState(id)).toMatchObject({ scheduledAt: '2030-03-03T05:00:00.000Z' });
    now = new Date('2030-03-02T06:00:00.000Z');
    expect(await server.scheduler.runDue()).toEqual([]);
    expect(await outcome(chief, 'article.unschedule', { id })).toMatchObject({ status: 'applied' });
    now = new Date('2030-03-04T00:00:00.000Z');
    expect(await server.scheduler.runDue()).toEqual([]);
    expect(await articleState(id)).toMatchObject({ status: 'approved', scheduledAt: null });
  });

  it('the embargo refuses publishing before it, by hand and as a schedule, and allows it after', async () => {
    now = new Date('2030-04-01T08:00:00.000Z');
    const id = await approved('Nobelpreis für Münsteraner Chemikerin');
    expect(
      await outcome(chief, 'article.setEmbargo', { id, until: '2030-04-01T11:00:00+02:00' }),
    ).toMatchObject({ status: 'applied' });
    expect(await articleState(id)).toMatchObject({ embargoUntil: '2030-04-01T09:00:00.000Z' });
    expect(
      await outcome(chief, 'article.transition', { id, from: 'approved', to: 'published' }),
    ).toMatchObject({ status: 'rejected', code: 'embargoed' });
    expect(
      await outcome(chief, 'article.schedule', { id, at: '2030-04-01T08:30:00Z' }),
    ).toMatchObject({ status: 'rejected', code: 'schedule_before_embargo' });
    const feed = await http(`${server.url}/feed.xml`);
    expect(feed.status).toBe(200);
    expect(feed.text).not.toContain('Nobelpreis');
    expect(
      await outcome(chief, 'article.schedule', { id, at: '2030-04-01T09:00:00Z' }),
    ).toMatchObject({
      status: 'applied',
    });
    // A later embargo than the schedule is refused: reschedule first.
    expect(
      await outcome(chief, 'article.setEmbargo', { id, until: '2030-04-01T10:00:00Z' }),
    ).toMatchObject({ status: 'rejected', code: 'schedule_before_embargo' });
    now = new Date('2030-04-01T09:00:00.000Z');
    expect(await server.scheduler.runDue()).toEqual([{ id, status: 'published' }]);
    expect((await http(`${server.url}/feed.xml`)).text).toContain('Nobelpreis');
  });

  it('older clients get articles without the scheduling keys', async () => {
    const old = new Client(server.url, chief.token);
    const pages = await old.pullAll();
    const scheduled = pages
      .flatMap((p) => p.changes)
      .filter((c: { entity: string }) => c.entity === 'article');
    expect(scheduled.length).toBeGreaterThan(0);
    for (const c of scheduled) {
      expect(c.data).not.toHaveProperty('scheduledAt');
      expect(c.data).not.toHaveProperty('embargoUntil');
    }
  });
});

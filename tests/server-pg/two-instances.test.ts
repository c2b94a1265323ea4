/* eslint-disable @typescript-eslint/no-unsafe-call -- JSON responses are `any`; the assertions check their shape */
/**
 * Two server instances on one PostgreSQL database and one shared blob folder serve one
 * newsroom: a token from one works on the other, a push to one is pulled from the other by a
 * desk, blobs uploaded to one are served by the other, and both publish the same pages.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  Client,
  body,
  completeFields,
  http,
  login,
  pngBytes,
  spawnServer,
  type ServerProcess,
} from '../server/helpers';
import { bodyOf, openClient, signIn, textsOf, type Client as Desk } from '../sync/support/harness';
import { freshDatabase } from './pg';

let shared: string;
let one: ServerProcess;
let two: ServerProcess;
const desks: Desk[] = [];

beforeAll(async () => {
  shared = mkdtempSync(join(tmpdir(), 'copydesk-two-'));
  const database = await freshDatabase();
  const args = [
    '--demo',
    '--database',
    database,
    '--blobs',
    join(shared, 'blobs'),
    '--public-url',
    'https://news.example',
  ];
  // Both start at once: the second waits for the first one's migration.
  [one, two] = await Promise.all([spawnServer(args), spawnServer(args)]);
});
afterAll(async () => {
  for (const d of desks) await d.close();
  await one?.stop();
  await two?.stop();
  rmSync(shared, { recursive: true, force: true });
});

it('a token issued by one instance works on the other, and a logout there revokes it', async () => {
  const token = await login(one.url, 'editor');
  const me = await http(`${two.url}/api/v1/auth/me`, { token });
  expect(me.status).toBe(200);
  expect(me.body.user.username).toBe('editor');
  expect((await http(`${two.url}/api/v1/auth/logout`, { method: 'POST', token })).status).toBe(200);
  expect((await http(`${one.url}/api/v1/auth/me`, { token })).status).toBe(401);
});

it('desk A on one instance and desk B on the other edit one article and see each other', async () => {
  const a = await openClient(shared, 'desk-a', { auto: false });
  const b = await openClient(shared, 'desk-b', { auto: false });
  desks.push(a, b);
  await signIn(a, one.url, 'editor');
  await signIn(b, two.url, 'chief');

  const created = await a.api['articles.create']({});
  await a.api['articles.save']({
    id: created.id,
    fields: { headline: 'Von A' },
    body: bodyOf([['p1', 'Erster Absatz von A']]),
  });
  await a.api['sync.now']({});
  await b.api['sync.now']({});
  const atB = await b.api['articles.get']({ id: created.id });
  expect(atB.headline).toBe('Von A');
  expect(textsOf(atB.body)).toEqual(['Erster Absatz von A']);

  await b.api['articles.save']({ id: created.id, fields: { kicker: 'Von B' } });
  await b.api['sync.now']({});
  await a.api['sync.now']({});
  const atA = await a.api['articles.get']({ id: created.id });
  expect(atA.kicker).toBe('Von B');
  expect(atA.headline).toBe('Von A');
  for (const d of [a, b]) {
    expect((await d.api['sync.status']({})).pending).toBe(0);
    expect((await d.api['sync.conflicts']({})).items).toEqual([]);
  }
});

it('a blob uploaded to one instance is served by the other', async () => {
  const token = await login(one.url, 'photo');
  const { bytes, sha256 } = pngBytes(42);
  const put = await http(`${one.url}/api/v1/blobs/${sha256}`, {
    method: 'PUT',
    token,
    body: bytes,
  });
  expect(put.status).toBe(201);
  const res = await fetch(`${two.url}/api/v1/blobs/${sha256}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
});

it('an article published through one instance is the same page on both', async () => {
  const chief = new Client(one.url, await login(one.url, 'chief'));
  const id = randomUUID();
  const headline = 'Zwei Instanzen, eine Seite';
  const r = await chief.push([
    {
      name: 'article.create',
      args: { id, fields: completeFields({ headline }), body: body('Text') },
    },
    { name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } },
    { name: 'article.transition', args: { id, from: 'in_review', to: 'approved' } },
    { name: 'article.transition', args: { id, from: 'approved', to: 'published' } },
  ]);
  expect(r.body.outcomes.map((o: { status: string }) => o.status)).toEqual([
    'applied',
    'applied',
    'applied',
    'applied',
  ]);
  for (const path of ['/', '/feed.xml', '/sections/politik']) {
    const [p1, p2] = await Promise.all([http(`${one.url}${path}`), http(`${two.url}${path}`)]);
    expect(p1.status).toBe(200);
    expect(p1.text).toContain(headline);
    expect(p2.text).toBe(p1.text);
  }
});

/**
 * Live updates between two desks on one real backend process: a push on desk A pokes desk B,
 * which pulls at once (its sync timer is set far beyond the test's waits, so only the poke can
 * explain the arrival); the live socket comes back after the backend restarts; presence through
 * the core API.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../src-shared/api';
import type { PresenceList } from '../../src-shared/live';
import type { Started } from '../support/processes';
import { tempDir } from '../support/tmp';
import { openClient, signIn, type Client } from './support/harness';
import { startTs } from '../support/processes';

/** Far beyond every wait below: a change that arrives was pulled because of a poke. */
const TIMER_MS = 10 * 60_000;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function backend(dataDir: string, port: number): Promise<Started> {
  return startTs(
    'src-server/cli.ts',
    ['--data', dataDir, '--port', String(port), '--demo'],
    /listening on (http:\/\/[0-9.:]+)/,
  );
}

async function liveDesk(root: string, name: string, url: string, user: string): Promise<Client> {
  const c = await openClient(root, name, { auto: true, intervalMs: TIMER_MS });
  cleanups.push(() => c.close());
  await signIn(c, url, user);
  await c.api['sync.now']({}); // the sign-in's own first cycle is done; from here only pokes
  return c;
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`not reached within ${ms} ms: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const headlineOn = (c: Client, id: string) => () =>
  c.api['articles.get']({ id }).then(
    (a) => a.headline,
    () => null,
  );

describe('live updates', () => {
  it("an edit on desk A shows on desk B without any sync call on B, well within B's timer", async () => {
    const tmp = tempDir('copydesk-live-sync-');
    cleanups.push(() => tmp.cleanup());
    const server = await backend(join(tmp.dir, 'server'), 0);
    cleanups.push(() => server.stop());
    const a = await liveDesk(tmp.dir, 'a', server.url, 'chief');
    const b = await liveDesk(tmp.dir, 'b', server.url, 'chief');

    // A with default settings: its own debounce pushes the change, no sync call anywhere.
    const art = await a.api['articles.create']({ fields: { headline: 'Live 0' } });
    await until(headlineOn(b, art.id), (h) => h === 'Live 0', 10_000);
    // Each within 10 s (room for a busy machine): the pull timer is 10 minutes, so only the
    // poke can have brought it.
    for (let i = 1; i <= 3; i++) {
      await a.api['articles.save']({ id: art.id, fields: { headline: `Live ${i}` } });
      await until(headlineOn(b, art.id), (h) => h === `Live ${i}`, 10_000);
    }
  });

  it('the live socket comes back after the backend restarts, and the desk catches up', async () => {
    const tmp = tempDir('copydesk-live-restart-');
    cleanups.push(() => tmp.cleanup());
    const port = await freePort();
    const dataDir = join(tmp.dir, 'server');
    let server = await backend(dataDir, port);
    cleanups.push(() => server.stop());
    const a = await openClient(tmp.dir, 'a'); // explicit syncs only
    cleanups.push(() => a.close());
    await signIn(a, server.url, 'chief');
    const b = await liveDesk(tmp.dir, 'b', server.url, 'chief');

    const art = await a.api['articles.create']({ fields: { headline: 'Vor dem Neustart' } });
    await a.api['sync.now']({});
    await until(headlineOn(b, art.id), (h) => h === 'Vor dem Neustart', 10_000);

    await server.stop();
    server = await backend(dataDir, port);
    await a.api['articles.save']({ id: art.id, fields: { headline: 'Nach dem Neustart' } });
    expect((await a.api['sync.now']({})).state).toBe('idle');
    // B reconnects (backoff from 0.5 s) and pulls on reconnect or on the poke.
    await until(headlineOn(b, art.id), (h) => h === 'Nach dem Neustart', 20_000);
    // …and later pokes arrive over the new socket.
    await a.api['articles.save']({ id: art.id, fields: { headline: 'Wieder live' } });
    await a.api['sync.now']({});
    await until(headlineOn(b, art.id), (h) => h === 'Wieder live', 5_000);
  });
});

describe('presence through the core', () => {
  it('desk B sees which article desk A has open, and sees it go when A closes it or quits', async () => {
    const tmp = tempDir('copydesk-live-presence-');
    cleanups.push(() => tmp.cleanup());
    const server = await backend(join(tmp.dir, 'server'), 0);
    cleanups.push(() => server.stop());
    const a = await liveDesk(tmp.dir, 'a', server.url, 'chief');
    const b = await liveDesk(tmp.dir, 'b', server.url, 'editor');
    const art = await b.api['articles.create']({ fields: { headline: 'Von editor' } });
    await b.api['sync.now']({});
    await a.api['sync.now']({});

    const events: PresenceList[] = [];
    b.core.onEvent((e: CoreEvent) => {
      if (e.type === 'presence.changed') events.push(e.articles);
    });
    const shown = () => b.api['presence.list']({}).then((r) => r.articles);

    await a.api['presence.open']({ articleId: art.id });
    expect(await until(shown, (l) => l.length > 0, 5_000)).toEqual([
      { articleId: art.id, users: [{ id: expect.any(String), username: 'chief' }] },
    ]);
    expect(events.at(-1)).toEqual(await shown());

    await a.api['presence.open']({ articleId: null });
    await until(shown, (l) => l.length === 0, 5_000);

    await a.api['presence.open']({ articleId: art.id });
    await until(shown, (l) => l.length > 0, 5_000);
    await a.close(); // quitting the app closes its socket
    await until(shown, (l) => l.length === 0, 5_000);
    expect(events.at(-1)).toEqual([]);

    // Bad input changes nothing.
    await expect(b.api['presence.open']({ articleId: '' })).rejects.toThrow(/articleId/);
  });
});

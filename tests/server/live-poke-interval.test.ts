/**
 * Pokes under a stream of commits: the first change after a quiet spell is poked at once (after
 * the short batch window), further changes at most once per poke interval, and the last poke of
 * a burst names its last change, so a desk that pulls on every poke misses nothing.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-server/server';
import { body, Client, completeFields, login } from './helpers';
import { LiveProbe } from './live-helpers';

/** Long enough that a burst of pushes on a loaded machine fits inside one interval. */
const INTERVAL_MS = 4_000;

let dir: string;
let server: RunningServer;
let probe: LiveProbe | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-poke-interval-'));
  server = await startServer({
    dataDir: dir,
    port: 0,
    demo: true,
    live: { pokeIntervalMs: INTERVAL_MS },
    log: () => undefined,
  });
});

afterAll(async () => {
  probe?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('pokes the first change at once and a burst after it once, naming its last change', async () => {
  const writer = new Client(server.url, await login(server.url, 'chief'));
  const reader = new Client(server.url, await login(server.url, 'chief'));
  probe = await LiveProbe.ready(server.url, reader.token);
  const mark = probe.messages.length;

  const push = async (headline: string) => {
    const r = await writer.push([
      {
        name: 'article.create',
        args: { id: randomUUID(), fields: completeFields({ headline }), body: body('x') },
      },
    ]);
    expect(r.status).toBe(200);
    await writer.pullAll();
    return writer.cursor;
  };

  const first = await push('Erste Meldung');
  const sentAt = performance.now();
  expect((await probe.pokeFor(first, mark)).seq).toBe(first);
  // Not held back for the interval: the first poke comes well before it would end.
  expect(performance.now() - sentAt).toBeLessThan(INTERVAL_MS / 2);

  const burst: number[] = [];
  for (let i = 0; i < 5; i++) burst.push(await push(`Meldung ${i}`));
  const last = burst.at(-1) as number;
  expect((await probe.pokeFor(last, mark, INTERVAL_MS + 3_000)).seq).toBe(last);
  // Five commits inside the interval made one poke, for the last of them.
  expect(probe.pokesSince(mark)).toEqual([first, last]);
});

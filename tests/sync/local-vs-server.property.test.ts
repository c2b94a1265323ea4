/**
 * One write path, checked as a property: random sequences of local writes go through the desk
 * core (each applied locally, with its typed mutation queued) and then, pushed, through the real
 * server code (in-process). A second desk that only pulls sees the server's result. For every
 * sequence, what the first desk showed before syncing equals what the server made of it.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Article } from '../../src-shared/model';
import { startServer, type RunningServer } from '../../src-server/server';
import { tempDir } from '../support/tmp';
import { bodyOf, openClient, signIn, textsOf, type Client } from './support/harness';

let tmp: ReturnType<typeof tempDir>;
let server: RunningServer;
let runs = 0;

beforeAll(async () => {
  tmp = tempDir('copydesk-property-');
  server = await startServer({
    dataDir: join(tmp.dir, 'server'),
    port: 0,
    demo: true,
    log: () => undefined,
  });
});
afterAll(async () => {
  await server?.close();
  tmp?.cleanup();
});

const SLOTS = 3;
const words = fc.stringMatching(/^[A-Za-zÄÖÜäöüß]{1,8}( [A-Za-zÄÖÜäöüß]{1,8}){0,3}$/);
const slot = fc.integer({ min: 0, max: SLOTS - 1 });
const TAGS = ['Politik', 'Kultur', 'Sport', 'Münster'];

type Op =
  | { kind: 'create'; slot: number; headline: string }
  | { kind: 'fields'; slot: number; field: 'kicker' | 'headline' | 'teaser'; value: string }
  | { kind: 'tags'; slot: number; tags: string[] }
  | { kind: 'body'; slot: number; blocks: [string, string][] }
  | { kind: 'delete'; slot: number }
  | { kind: 'restore'; slot: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), slot, headline: words }),
  fc.record({
    kind: fc.constant('fields' as const),
    slot,
    field: fc.constantFrom('kicker' as const, 'headline' as const, 'teaser' as const),
    value: words,
  }),
  fc.record({ kind: fc.constant('tags' as const), slot, tags: fc.subarray(TAGS) }),
  fc.record({
    kind: fc.constant('body' as const),
    slot,
    blocks: fc.uniqueArray(fc.tuple(fc.constantFrom('p1', 'p2', 'p3', 'p4'), words), {
      minLength: 1,
      maxLength: 4,
      selector: ([id]) => id,
    }),
  }),
  fc.record({ kind: fc.constant('delete' as const), slot }),
  fc.record({ kind: fc.constant('restore' as const), slot }),
);

/** What both sides must agree on. */
function visible(a: Article) {
  return {
    kicker: a.kicker,
    headline: a.headline,
    teaser: a.teaser,
    tags: [...a.tags].sort(),
    body: textsOf(a.body),
    status: a.status,
    deleted: a.deletedAt !== null,
  };
}

async function apply(desk: Client, ids: (string | null)[], o: Op): Promise<void> {
  const id = ids[o.slot] ?? null;
  if (o.kind === 'create') {
    if (id) return;
    ids[o.slot] = (await desk.api['articles.create']({ fields: { headline: o.headline } })).id;
    return;
  }
  if (!id) return;
  const deleted = (await desk.api['articles.get']({ id })).deletedAt !== null;
  if (o.kind === 'delete') {
    if (!deleted) await desk.api['articles.delete']({ id });
  } else if (o.kind === 'restore') {
    if (deleted) await desk.api['articles.restore']({ id });
  } else if (deleted) {
    return; // a deleted article is restored before it is edited
  } else if (o.kind === 'fields') {
    await desk.api['articles.save']({ id, fields: { [o.field]: o.value } });
  } else if (o.kind === 'tags') {
    await desk.api['articles.save']({ id, fields: { tags: o.tags } });
  } else {
    await desk.api['articles.save']({ id, body: bodyOf(o.blocks) });
  }
}

it('the desk shows what the server makes of the same writes', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
      const n = runs++;
      const writer = await openClient(tmp.dir, `w${n}`);
      const reader = await openClient(tmp.dir, `r${n}`);
      try {
        await signIn(writer, server.url, 'editor');
        const ids: (string | null)[] = Array.from({ length: SLOTS }, () => null);
        for (const o of ops) await apply(writer, ids, o);
        const created = ids.filter((id): id is string => id !== null);
        const local = await Promise.all(
          created.map(async (id) => visible(await writer.api['articles.get']({ id }))),
        );

        const status = await writer.api['sync.now']({});
        expect(status.state).toBe('idle');
        expect(status.pending).toBe(0);
        const conflicts = (await writer.api['sync.conflicts']({})).items;
        expect(conflicts.map((c) => `${c.field}: ${c.code} ${c.reason}`)).toEqual([]);

        await signIn(reader, server.url, 'editor');
        await reader.api['sync.now']({});
        const fromServer = await Promise.all(
          created.map(async (id) => visible(await reader.api['articles.get']({ id }))),
        );
        expect(fromServer).toEqual(local);
        // And the writer, after its own round trip, still shows the same.
        const after = await Promise.all(
          created.map(async (id) => visible(await writer.api['articles.get']({ id }))),
        );
        expect(after).toEqual(local);
      } finally {
        await writer.close();
        await reader.close();
      }
    }),
    {
      numRuns: 15,
      endOnFailure: true,
      // Found by this property: a delete of an article created offline was refused at push.
      examples: [
        [
          [
            { kind: 'create', slot: 0, headline: 'Kreistag' },
            { kind: 'fields', slot: 0, field: 'teaser', value: 'Neu' },
            { kind: 'delete', slot: 0 },
          ],
        ],
      ],
    },
  );
  expect(runs).toBeGreaterThanOrEqual(15);
}, 300_000);

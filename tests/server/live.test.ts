/**
 * The live socket (GET /api/v1/live): authentication and its close codes, whom a committed change
 * pokes, presence and its expiry. The backend runs in this process so that a test can hand it a
 * bus and short timings.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_CLOSE } from '../../src-shared/live';
import { InProcessBus, type BusMessage, type CommittedChange } from '../../src-server/live/bus';
import { NOT_READ, concerns, needsEntities } from '../../src-server/live/pokes';
import { visiblePresence } from '../../src-server/live/hub';
import { startServer, type RunningServer } from '../../src-server/server';
import { body, Client, completeFields, http, login } from './helpers';
import { LiveProbe } from './live-helpers';

const HEARTBEAT_MS = 200;
const TTL_MS = 600;

let dir: string;
let server: RunningServer;
const bus = new InProcessBus();
const busMessages: unknown[] = [];
let editor: Client;
let chief: Client;
let other: Client;
let otherId: string;
const probes: LiveProbe[] = [];

function probe(p: LiveProbe): LiveProbe {
  probes.push(p);
  return p;
}

async function ready(c: Client, clientId = c.clientId): Promise<LiveProbe> {
  return probe(await LiveProbe.ready(server.url, c.token, clientId));
}

async function createArticle(c: Client, headline: string): Promise<string> {
  const id = randomUUID();
  const r = await c.push([
    { name: 'article.create', args: { id, fields: completeFields({ headline }), body: body('x') } },
  ]);
  expect(r.status).toBe(200);
  return id;
}

/** The seq of the change a push made, read back through a pull of that client. */
async function latestSeq(c: Client): Promise<number> {
  await c.pullAll();
  return c.cursor;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-live-'));
  bus.subscribe((m) => busMessages.push(m));
  server = await startServer({
    dataDir: dir,
    port: 0,
    demo: true,
    bus,
    live: { heartbeatMs: HEARTBEAT_MS, presenceTtlMs: TTL_MS },
    auth: { tokenTtlMs: 60_000 },
    log: () => undefined,
  });
  editor = new Client(server.url, await login(server.url, 'editor'));
  chief = new Client(server.url, await login(server.url, 'chief'));
  const admin = await login(server.url, 'admin');
  const created = await http(`${server.url}/api/v1/users`, {
    token: admin,
    json: { username: 'other', password: 'other-password', role: 'editor' },
  });
  expect(created.status).toBeLessThan(300);
  otherId = (created.body as { user?: { id: string }; id?: string }).user?.id ?? created.body.id;
  other = new Client(server.url, await login(server.url, 'other', 'other-password'));
});

afterAll(async () => {
  for (const p of probes) p.close();
  await server?.close();
  await bus.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('authentication', () => {
  it('refuses a missing, malformed or unknown token with 4401 and a reason', async () => {
    for (const token of [undefined, 'short', 'x'.repeat(40)]) {
      const closed = await probe(LiveProbe.open(server.url, token)).closed;
      expect(closed.code).toBe(LIVE_CLOSE.unauthorized);
      expect(closed.reason).toMatch(/token/i);
    }
  });

  it('refuses an expired token with 4401 "expired"', async () => {
    const shortDir = mkdtempSync(join(tmpdir(), 'copydesk-live-ttl-'));
    const s = await startServer({
      dataDir: shortDir,
      port: 0,
      demo: true,
      auth: { tokenTtlMs: 300 },
      log: () => undefined,
    });
    try {
      const token = await login(s.url, 'editor');
      await new Promise((r) => setTimeout(r, 400));
      const closed = await probe(LiveProbe.open(s.url, token)).closed;
      expect(closed).toEqual({
        code: LIVE_CLOSE.unauthorized,
        reason: expect.stringMatching(/expired/),
      });
    } finally {
      await s.close();
      rmSync(shortDir, { recursive: true, force: true });
    }
  });

  it('closes an open socket with 4401 once its token is revoked (logout)', async () => {
    const token = await login(server.url, 'editor');
    const p = probe(await LiveProbe.ready(server.url, token));
    expect((await http(`${server.url}/api/v1/auth/logout`, { method: 'POST', token })).status).toBe(
      200,
    );
    const closed = await p.closed;
    expect(closed).toEqual({
      code: LIVE_CLOSE.unauthorized,
      reason: expect.stringMatching(/revoked/),
    });
  });

  it('refuses another protocol version or a missing client id with 4400', async () => {
    const old = await probe(LiveProbe.open(server.url, editor.token, { protocolVersion: 0 }))
      .closed;
    expect(old.code).toBe(LIVE_CLOSE.badRequest);
    expect(old.reason).toMatch(/Update Copydesk/);
    const none = await probe(LiveProbe.open(server.url, editor.token, { protocolVersion: null }))
      .closed;
    expect(none.code).toBe(LIVE_CLOSE.badRequest);
  });

  it("refuses another user's client id with 4403", async () => {
    await createArticle(editor, 'Registriert den Client'); // the server now knows editor's client
    const closed = await probe(
      LiveProbe.open(server.url, chief.token, { clientId: editor.clientId }),
    ).closed;
    expect(closed.code).toBe(LIVE_CLOSE.forbidden);
  });

  it('closes a socket that sends something unreadable with 4422, and the server stays up', async () => {
    const p = await ready(editor, randomUUID());
    p.send('{"type":"nonsense"}');
    expect((await p.closed).code).toBe(LIVE_CLOSE.badMessage);
    expect((await http(`${server.url}/api/v1/health`)).status).toBe(200);
  });
});

describe('pokes', () => {
  it('pokes readers of a committed change, not its own client, not those who may not read it', async () => {
    const own = await ready(editor);
    const editorElsewhere = await ready(editor, randomUUID());
    const chiefDesk = await ready(chief);
    const otherDesk = await ready(other);
    const [ownMark, elsewhereMark, chiefMark, otherMark] = [
      own,
      editorElsewhere,
      chiefDesk,
      otherDesk,
    ].map((p) => p.messages.length) as [number, number, number, number];

    await createArticle(editor, 'Entwurf von editor');
    const draftSeq = await latestSeq(chief);
    // A poke names the newest change it announces; commits may be announced in more than one poke.
    expect((await editorElsewhere.pokeFor(draftSeq, elsewhereMark)).seq).toBe(draftSeq);
    expect((await chiefDesk.pokeFor(draftSeq, chiefMark)).seq).toBe(draftSeq);

    // The other editor may not read that draft; they hear of a later change they may read (an
    // article assigned to them), and of nothing up to the draft.
    const assigned = await createArticle(chief, 'Für other');
    await chief.push([
      {
        name: 'article.assign',
        args: { id: assigned, assigneeId: otherId, expectedAssignee: null },
      },
    ]);
    const assignSeq = await latestSeq(chief);
    await otherDesk.pokeFor(assignSeq, otherMark);
    expect(otherDesk.pokesSince(otherMark).every((seq) => seq > draftSeq)).toBe(true);

    // The pushing desk was not poked about its own draft, only about the later assignment (an
    // assignee change reaches editors who cannot read the article, as a revocation).
    await own.pokeFor(assignSeq, ownMark);
    expect(own.pokesSince(ownMark).every((seq) => seq > draftSeq)).toBe(true);
  });

  it('pokes an editor whose assignment is taken away (the pull brings the revocation)', async () => {
    const id = await createArticle(chief, 'Erst zugewiesen, dann nicht');
    await chief.push([
      { name: 'article.assign', args: { id, assigneeId: otherId, expectedAssignee: null } },
    ]);
    const otherDesk = await ready(other);
    const mark = otherDesk.messages.length;
    await chief.push([
      { name: 'article.assign', args: { id, assigneeId: null, expectedAssignee: otherId } },
    ]);
    await otherDesk.pokeFor(await latestSeq(chief), mark);
    // …and the pull does bring it as a revocation.
    const pulled = (await other.pullAll()).flatMap((p) => p.changes as { id: string }[]);
    expect(pulled.findLast((c) => c.id === id)).toMatchObject({
      op: 'delete',
      reason: 'revoked',
    });
  });

  it('pokes comment readers only', async () => {
    const id = await createArticle(editor, 'Mit Kommentar');
    await editor.push([
      { name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } },
    ]);
    const author = await ready(editor, randomUUID());
    const otherDesk = await ready(other);
    const marks = [author.messages.length, otherDesk.messages.length];
    await chief.push([
      { name: 'comment.add', args: { id: randomUUID(), articleId: id, text: 'Quelle?' } },
    ]);
    const commentSeq = await latestSeq(chief);
    await author.pokeFor(commentSeq, marks[0]!);
    // The other editor may read neither the draft nor its comments: the next poke they get is
    // for a later change they may read.
    const theirs = await createArticle(chief, 'Danach, für other');
    await chief.push([
      { name: 'article.assign', args: { id: theirs, assigneeId: otherId, expectedAssignee: null } },
    ]);
    expect((await otherDesk.nextPoke(marks[1]!)).seq).toBeGreaterThan(commentSeq);
  });

  it('publishes committed changes on the bus with the fields they touched', async () => {
    const before = busMessages.length;
    await createArticle(editor, 'Auf dem Bus');
    const seq = await latestSeq(chief);
    await expect
      .poll(() => busMessages.slice(before))
      .toContainEqual({
        kind: 'changes',
        changes: [
          expect.objectContaining({ seq, entityType: 'article', clientId: editor.clientId }),
        ],
      });
  });
});

describe('presence', () => {
  it('shows who has an article open to those who may read it, and drops it when closed', async () => {
    const id = await createArticle(editor, 'Offen bei chief');
    const chiefDesk = await ready(chief);
    const author = await ready(editor, randomUUID());
    const otherDesk = await ready(other);
    chiefDesk.send({ type: 'presence', articleId: id });
    const seen = await author.presence((l) => l.some((a) => a.articleId === id));
    expect(seen.find((a) => a.articleId === id)?.users.map((u) => u.username)).toEqual(['chief']);
    // The chief does not see themself; the other editor may not read the draft.
    await new Promise((r) => setTimeout(r, 100));
    expect(
      chiefDesk.messages.some(
        (m) => m.type === 'presence' && m.articles.some((a) => a.articleId === id),
      ),
    ).toBe(false);
    expect(
      otherDesk.messages.some(
        (m) => m.type === 'presence' && m.articles.some((a) => a.articleId === id),
      ),
    ).toBe(false);

    chiefDesk.send({ type: 'presence', articleId: null });
    await author.presence((l) => !l.some((a) => a.articleId === id));
    chiefDesk.send({ type: 'presence', articleId: id });
    await author.presence((l) => l.some((a) => a.articleId === id));
    chiefDesk.close(); // quitting
    await author.presence((l) => !l.some((a) => a.articleId === id));
  });

  it('drops a desk that stops answering pings, and its presence with it', async () => {
    const id = await createArticle(editor, 'Verbindung weg');
    const silent = probe(LiveProbe.open(server.url, chief.token, { autoPong: false }));
    await silent.waitFor((m) => m.type === 'ready');
    const author = await ready(editor, randomUUID());
    silent.send({ type: 'presence', articleId: id });
    await author.presence((l) => l.some((a) => a.articleId === id));
    // Dropped by the heartbeat (a few times HEARTBEAT_MS; the bound leaves room for a busy
    // machine), not by the operating system's TCP timeout, which takes minutes.
    await author.presence((l) => !l.some((a) => a.articleId === id), 10_000);
    expect((await silent.closed).code).toBe(1006); // terminated, no closing handshake
  });

  it('keeps a desk whose pong arrived while the server was too busy to read it', async () => {
    const desk = await ready(chief, randomUUID());
    // The desk answers a ping, then this process (the server's too) is blocked past the next
    // heartbeat: when it runs again, the heartbeat's timer comes before the pong is read.
    await new Promise<void>((resolve) =>
      desk.socket.once('ping', () => {
        const until = Date.now() + 2.5 * HEARTBEAT_MS;
        while (Date.now() < until);
        resolve();
      }),
    );
    await new Promise((r) => setTimeout(r, 3 * HEARTBEAT_MS));
    expect(desk.socket.readyState).toBe(desk.socket.OPEN);
  });

  it('lets presence from another instance lapse at its expiry unless refreshed', async () => {
    const id = await createArticle(editor, 'Andere Instanz');
    const author = await ready(editor, randomUUID());
    const chiefUser = (await http(`${server.url}/api/v1/auth/me`, { token: chief.token })).body
      .user;
    await bus.publish({
      kind: 'presence',
      entries: [
        {
          instanceId: 'instance-2',
          clientId: 'desk-on-2',
          userId: chiefUser.id,
          username: 'chief',
          articleId: id,
          expiresAt: Date.now() + TTL_MS,
        },
      ],
    });
    await author.presence((l) => l.some((a) => a.articleId === id));
    const t0 = Date.now();
    // Gone after its expiry (the sweep runs every TTL/3), not before; the bound on the wait
    // leaves room for a busy machine.
    await author.presence((l) => !l.some((a) => a.articleId === id), 10_000);
    expect(Date.now() - t0).toBeGreaterThan(TTL_MS / 2);
  });

  it('keeps presence of a desk on this instance alive past the TTL while it stays connected', async () => {
    const id = await createArticle(editor, 'Lange offen');
    const chiefDesk = await ready(chief, randomUUID());
    const author = await ready(editor, randomUUID());
    chiefDesk.send({ type: 'presence', articleId: id });
    await author.presence((l) => l.some((a) => a.articleId === id));
    await new Promise((r) => setTimeout(r, TTL_MS * 3));
    const latest = author.messages.filter((m) => m.type === 'presence').at(-1);
    expect(latest?.type === 'presence' && latest.articles.some((a) => a.articleId === id)).toBe(
      true,
    );
  });

  it('announces the article a desk stops at, not every one it flicks through', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await createArticle(editor, `Blättern ${i}`));
    const author = await ready(editor, randomUUID());
    const chiefClient = randomUUID();
    const chiefDesk = await ready(chief, chiefClient);
    const before = busMessages.length;
    for (let i = 0; i < 30; i++) chiefDesk.send({ type: 'presence', articleId: ids[i % 3]! });
    const last = ids[29 % 3]!;
    const seen = await author.presence((l) => l.some((a) => a.articleId === last));
    await new Promise((r) => setTimeout(r, 400));
    // What the bus heard from that desk, without the periodic refreshes of the same article.
    const announced: string[] = [];
    for (const m of busMessages.slice(before) as BusMessage[]) {
      if (m.kind !== 'presence') continue;
      for (const e of m.entries)
        if (e.clientId === chiefClient && announced.at(-1) !== e.articleId)
          announced.push(e.articleId!);
    }
    expect(announced.length).toBeLessThanOrEqual(3);
    expect(announced.at(-1)).toBe(last);
    expect(seen.filter((a) => ids.includes(a.articleId)).map((a) => a.articleId)).toEqual([last]);
    const latest = author.messages.filter((m) => m.type === 'presence').at(-1);
    expect(
      latest?.type === 'presence' &&
        latest.articles.map((a) => a.articleId).filter((id) => ids.includes(id)),
    ).toEqual([last]);
  });
});

describe('visiblePresence', () => {
  const raw = (id: string, authorId: string) => ({
    id,
    authorId,
    assigneeId: null,
    status: 'draft' as const,
    deletedAt: null,
    version: 1,
    json: '{"publishedAt":null}',
  });
  const entry = (clientId: string, userId: string, username: string, articleId: string) => ({
    instanceId: 'i1',
    clientId,
    userId,
    username,
    articleId,
    expiresAt: Number.MAX_SAFE_INTEGER,
  });

  it('lists each user once per article, never the viewing desk, only articles it may read', () => {
    const articles = new Map([
      ['a1', raw('a1', 'ed')],
      ['a2', raw('a2', 'someone-else')],
    ]);
    const entries = [
      entry('c1', 'chief-id', 'chief', 'a1'),
      entry('c2', 'chief-id', 'chief', 'a1'), // the chief on a second desk
      entry('c3', 'photo-id', 'photo', 'a1'),
      entry('mine', 'ed', 'editor', 'a1'), // the viewer itself
      entry('c4', 'chief-id', 'chief', 'a2'), // a draft the editor may not read
      entry('c5', 'photo-id', 'photo', 'gone'), // an article this server does not have
    ];
    expect(
      visiblePresence(entries, articles, { clientId: 'mine', user: { id: 'ed', role: 'editor' } }),
    ).toEqual([
      {
        articleId: 'a1',
        users: [
          { id: 'chief-id', username: 'chief' },
          { id: 'photo-id', username: 'photo' },
        ],
      },
    ]);
    // A desk chief reads both; their own other desk still shows (another window of theirs).
    expect(
      visiblePresence(entries, articles, {
        clientId: 'c1',
        user: { id: 'chief-id', role: 'desk_chief' },
      }).map((a) => [a.articleId, a.users.map((u) => u.username)]),
    ).toEqual([
      ['a1', ['chief', 'editor', 'photo']],
      ['a2', ['chief']],
    ]);
  });
});

describe('concerns (whom a change pokes)', () => {
  const reader = { clientId: 'desk-1', actor: { id: 'ed', role: 'editor' as const } };
  const none = { articles: new Map(), comments: new Map() };
  const change = (entityType: string, extra: Partial<CommittedChange> = {}): CommittedChange => ({
    seq: 1,
    entityType,
    entityId: 'e1',
    scopeId: null,
    clientId: 'desk-2',
    ...extra,
  });

  it('notices go to the desk they belong to only', () => {
    expect(concerns(change('conflict', { scopeId: 'desk-1' }), reader, none)).toBe(true);
    expect(concerns(change('rejection', { scopeId: 'desk-3' }), reader, none)).toBe(false);
  });

  it('images go to everyone but the desk that pushed them; unknown kinds and vanished articles to nobody', () => {
    expect(concerns(change('image'), reader, none)).toBe(true);
    expect(concerns(change('image', { clientId: 'desk-1' }), reader, none)).toBe(false);
    expect(concerns(change('something-new'), reader, none)).toBe(false);
    expect(concerns(change('article'), reader, none)).toBe(false);
  });

  it('an article the editor cannot read: only a possible assignee change counts (a revocation)', () => {
    const articles = new Map([
      [
        'e1',
        {
          id: 'e1',
          authorId: 'other',
          assigneeId: null,
          status: 'draft' as const,
          deletedAt: null,
          version: 2,
          json: '{"publishedAt":null}',
        },
      ],
    ]);
    const e = { articles, comments: new Map() };
    expect(concerns(change('article', { changedFields: ['headline'] }), reader, e)).toBe(false);
    expect(concerns(change('article', { changedFields: ['assigneeId'] }), reader, e)).toBe(true);
    expect(concerns(change('article'), reader, e)).toBe(true); // fields unknown: be safe
  });
});

describe('needsEntities (whether a poke needs a database read)', () => {
  const change = (entityType: string): CommittedChange => ({
    seq: 1,
    entityType,
    entityId: 'e1',
    scopeId: null,
    clientId: 'desk-2',
  });
  const chiefReader = { clientId: 'desk-1', actor: { id: 'c', role: 'desk_chief' as const } };
  const photoReader = { clientId: 'desk-3', actor: { id: 'p', role: 'photo_editor' as const } };
  const editorReader = { clientId: 'desk-4', actor: { id: 'ed', role: 'editor' as const } };

  it('article changes need the rows only when an editor listens; comments always; others never', () => {
    expect(needsEntities([change('article')], [chiefReader, photoReader])).toBe(false);
    expect(needsEntities([change('article')], [chiefReader, editorReader])).toBe(true);
    expect(needsEntities([change('comment')], [chiefReader])).toBe(true);
    expect(needsEntities([change('image'), change('conflict')], [editorReader])).toBe(false);
  });

  it('without the read, a reader of every article is poked about article changes, an editor is not', () => {
    expect(concerns(change('article'), chiefReader, NOT_READ)).toBe(true);
    expect(concerns(change('article'), editorReader, NOT_READ)).toBe(false);
    // Its own change still pokes nobody on that desk.
    expect(concerns({ ...change('article'), clientId: 'desk-1' }, chiefReader, NOT_READ)).toBe(
      false,
    );
  });
});

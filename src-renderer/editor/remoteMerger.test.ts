import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SavedArticle } from '../../src-shared/api';
import { jsonEqual } from '../../src-shared/merge';
import { emptyFields, type Article, type BodyJson } from '../../src-shared/model';
import { body, paragraph, text } from '../../src-shared/richtext/builders';
import { Autosaver, type SaveRequest } from './autosave';
import { alignToBase, RemoteMerger, type RemoteState } from './remoteMerger';

const bodyOf = (blocks: [string, string][]): BodyJson =>
  body(...blocks.map(([id, t]) => paragraph([text(t)], id))) as BodyJson;

function article(revision: number, patch: Partial<Article> = {}): Article {
  return {
    ...emptyFields(),
    id: '01a21941-b432-708e-8d1d-f2ad0b456297',
    body: bodyOf([
      ['b1', 'Eins'],
      ['b2', 'Zwei'],
    ]),
    status: 'draft',
    authorId: null,
    assigneeId: null,
    revision,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    publishedAt: null,
    deletedAt: null,
    ...patch,
  };
}

/** A fake store: a save merges nothing (the core's merge is tested in tests/sync). */
function setup(initial: Article) {
  let stored = initial;
  const sent: (SaveRequest & { baseRevision: number })[] = [];
  let editorBody = initial.body;
  let fields = { ...emptyFields(), headline: initial.headline, teaser: initial.teaser };
  const states: RemoteState[] = [];
  const applied: { body?: BodyJson; fields?: object }[] = [];
  let gets = 0;
  const merger = new RemoteMerger({
    article: initial,
    get: () => {
      gets++;
      return Promise.resolve(stored);
    },
    send: (request) => {
      sent.push(request);
      stored = {
        ...stored,
        ...request.fields,
        body: request.body ?? stored.body,
        revision: stored.revision + 1,
      };
      return Promise.resolve({ ...stored, outcome: 'applied' as const });
    },
    readBody: () => editorBody,
    readFields: () => fields,
    applyFields: (values) => {
      fields = { ...fields, ...values };
      applied.push({ fields: values });
    },
    applyBody: (b) => {
      editorBody = b;
      applied.push({ body: b });
    },
    onState: (s) => states.push(s),
  });
  const saver = new Autosaver({
    delayMs: 10,
    save: (r) => merger.save(r),
    readBody: () => editorBody,
    onStatus: () => undefined,
  });
  merger.attach(saver);
  return {
    merger,
    saver,
    sent,
    /** How often the merger read the stored article. */
    get gets() {
      return gets;
    },
    states,
    applied,
    get stored() {
      return stored;
    },
    /** Another client's change arrives through sync. */
    sync(patch: Partial<Article>) {
      stored = { ...stored, ...patch, revision: stored.revision + 1 };
    },
    type(b: BodyJson) {
      editorBody = b;
      merger.typed();
      saver.markBodyDirty();
    },
    setField(key: 'headline' | 'teaser', value: string) {
      fields = { ...fields, [key]: value };
      merger.touch(key);
      saver.setField(key, value);
    },
    get editorBody() {
      return editorBody;
    },
    get fields() {
      return fields;
    },
  };
}

describe('RemoteMerger', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the base revision with every save and moves it on with its own saves', async () => {
    const t = setup(article(3));
    t.type(bodyOf([['b1', 'Eins!']]));
    await t.saver.flush();
    expect(t.sent.at(-1)?.baseRevision).toBe(3);
    t.type(bodyOf([['b1', 'Eins!!']]));
    await t.saver.flush();
    expect(t.sent.at(-1)?.baseRevision).toBe(4);
    await t.merger.check(); // the event of its own save: nothing to merge
    expect(t.states.at(-1)?.pending ?? null).toBeNull();
  });

  it('never reads the article back for the event of its own save', async () => {
    const t = setup(article(3));
    t.type(bodyOf([['b1', 'Eins!']]));
    await t.saver.flush();
    t.merger.changed({ origin: 'local', revision: 4 });
    await vi.runAllTimersAsync();
    expect(t.gets).toBe(0);

    // The event can overtake the save's answer: still no read.
    t.type(bodyOf([['b1', 'Eins!!']]));
    const saving = t.saver.flush();
    t.merger.changed({ origin: 'local', revision: 5 });
    await saving;
    await vi.runAllTimersAsync();
    expect(t.gets).toBe(0);

    // Changes from elsewhere are read.
    t.sync({ headline: 'Von B' });
    t.merger.changed({ origin: 'remote' });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.gets).toBe(1);
    expect(t.states.at(-1)?.pending?.fields).toEqual(['headline']);
  });

  it('holds body saves while a synced change waits and merges after 3 s without a keystroke', async () => {
    const t = setup(article(3, { headline: 'Start', teaser: 'T0' }));
    t.sync({
      headline: 'Von B',
      teaser: 'Von B',
      body: bodyOf([
        ['b1', 'Eins'],
        ['b2', 'Zwei von B'],
      ]),
    });
    await t.merger.check();
    expect(t.states.at(-1)?.pending).toEqual({
      fields: ['headline', 'teaser'],
      body: true,
      name: null,
    });
    t.setField('teaser', 'Mein Vorspann');
    t.type(
      bodyOf([
        ['b1', 'Eins von A'],
        ['b2', 'Zwei'],
      ]),
    );
    await t.saver.flush();
    // The field is saved, the body is held (nothing under the cursor is replaced).
    expect(t.sent).toEqual([{ fields: { teaser: 'Mein Vorspann' }, baseRevision: 3 }]);
    expect(t.applied).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    t.type(
      bodyOf([
        ['b1', 'Eins von A.'],
        ['b2', 'Zwei'],
      ]),
    );
    await vi.advanceTimersByTimeAsync(2000);
    expect(t.applied).toEqual([]); // still typing
    await vi.advanceTimersByTimeAsync(1500);
    // The held body went to the core against the old base (the core merges three-way) …
    expect(t.sent.at(-1)).toMatchObject({ baseRevision: 3 });
    expect(t.sent.at(-1)?.body).toBeDefined();
    // … the untouched headline took the new value, the touched teaser kept mine.
    expect(t.fields.headline).toBe('Von B');
    expect(t.fields.teaser).toBe('Mein Vorspann');
    expect(t.states.at(-1)).toEqual({ pending: null, merging: false, error: null });
    // The next save is based on the merged revision.
    t.type(bodyOf([['b1', 'x']]));
    await t.saver.flush();
    expect(t.sent.at(-1)?.baseRevision).toBe(t.stored.revision - 1);
  });

  it('names who made the synced change when the stored article says so', async () => {
    const t = setup(article(3, { headline: 'Start', updatedBy: null }));
    t.sync({ headline: 'Von Chief', updatedBy: 'chief' });
    await t.merger.check();
    expect(t.states.at(-1)?.pending).toEqual({ fields: ['headline'], body: false, name: 'chief' });
    // A later change that names nobody keeps the name already shown.
    t.sync({ teaser: 'Vorspann', updatedBy: null });
    await t.merger.check();
    expect(t.states.at(-1)?.pending).toMatchObject({
      fields: ['headline', 'teaser'],
      name: 'chief',
    });
  });

  it('notices a synced change in the answer to its own save and merges against what it sent', async () => {
    const t = setup(article(3));
    // The sync lands just before the save: the core merges B's paragraph into it.
    const mine = bodyOf([
      ['b1', 'Eins von A'],
      ['b2', 'Zwei'],
    ]);
    t.type(mine);
    t.sync({
      body: bodyOf([
        ['b1', 'Eins'],
        ['b2', 'Zwei von B'],
      ]),
    });
    const merged = bodyOf([
      ['b1', 'Eins von A'],
      ['b2', 'Zwei von B'],
    ]);
    const send = vi.fn((r: SaveRequest & { baseRevision: number }): Promise<SavedArticle> =>
      Promise.resolve({
        ...article(5, { body: r.body ? merged : article(5).body }),
        outcome: r.body ? ('merged' as const) : ('applied' as const),
      }),
    );
    (t.merger as unknown as { o: { send: typeof send } }).o.send = send;
    await t.saver.flush();
    expect(t.states.at(-1)?.pending?.body).toBe(true);
    // More typing is held, then merged here against the sent body.
    t.type(
      bodyOf([
        ['b1', 'Eins von A!'],
        ['b2', 'Zwei'],
      ]),
    );
    await t.saver.flush();
    expect(send).toHaveBeenCalledTimes(1);
    (t.merger as unknown as { o: { get: () => Promise<Article> } }).o.get = () =>
      Promise.resolve(article(5, { body: merged }));
    await t.merger.mergeNow();
    expect(send).toHaveBeenCalledTimes(2);
    const last = send.mock.calls[1]![0];
    expect(last.baseRevision).toBe(5);
    expect(JSON.stringify(last.body)).toContain('Eins von A!');
    expect(JSON.stringify(last.body)).toContain('Zwei von B');
  });
});

describe('RemoteMerger, typing during a merge', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps the keystrokes and merges them later against the body the merge stored', async () => {
    const t = setup(article(3));
    const firstText = (b: BodyJson | undefined) =>
      JSON.stringify(b?.root.children[0]).match(/"text":"([^"]*)"/)?.[1] ?? '';
    // A store that merges like the core: B's second paragraph stays.
    const o = (t.merger as unknown as { o: { send: unknown; get: unknown } }).o;
    let stored = article(4, {
      body: bodyOf([
        ['b1', 'Eins'],
        ['b2', 'Zwei von B'],
      ]),
    });
    const sent: (SaveRequest & { baseRevision: number })[] = [];
    o.send = (r: SaveRequest & { baseRevision: number }) => {
      sent.push(r);
      const b1 = r.body ? firstText(r.body) : firstText(stored.body);
      stored = article(stored.revision + 1, {
        body: bodyOf([
          ['b1', b1],
          ['b2', 'Zwei von B'],
        ]),
      });
      const outcome = r.body && !jsonEqual(r.body, stored.body) ? 'merged' : 'applied';
      return Promise.resolve({ ...stored, outcome: outcome });
    };
    let typeDuringGet = true;
    o.get = () => {
      if (typeDuringGet && sent.length > 0) {
        typeDuringGet = false;
        t.type(
          bodyOf([
            ['b1', 'Eins von A, mehr'],
            ['b2', 'Zwei'],
          ]),
        );
      }
      return Promise.resolve(stored);
    };
    await t.merger.check();
    expect(t.states.at(-1)?.pending?.body).toBe(true);
    t.type(
      bodyOf([
        ['b1', 'Eins von A'],
        ['b2', 'Zwei'],
      ]),
    );
    await vi.advanceTimersByTimeAsync(3100);
    // The merge stored the held body, then saw new keystrokes: nothing applied yet.
    expect(sent).toHaveLength(1);
    expect(sent[0]!.baseRevision).toBe(3);
    expect(t.applied).toEqual([]);
    expect(t.states.at(-1)?.pending).not.toBeNull();
    await vi.advanceTimersByTimeAsync(3100);
    expect(sent).toHaveLength(2);
    expect(firstText(sent[1]!.body)).toBe('Eins von A, mehr');
    expect(JSON.stringify(sent[1]!.body)).toContain('Zwei von B');
    expect(t.states.at(-1)?.pending).toBeNull();
    expect(JSON.stringify(t.editorBody)).toContain('Zwei von B');
    expect(firstText(t.editorBody)).toBe('Eins von A, mehr');
  });
});

describe('alignToBase', () => {
  it('sends untouched blocks as the base has them, edited ones as they are', () => {
    const base = bodyOf([
      ['b1', 'Eins'],
      ['b2', 'Zwei'],
    ]);
    const full = (id: string, t: string) => ({
      type: 'paragraph',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      textFormat: 0,
      textStyle: '',
      $: { blockId: id },
      children: [
        { type: 'text', version: 1, text: t, detail: 0, format: 0, mode: 'normal', style: '' },
      ],
    });
    const mine = { root: { ...base.root, children: [full('b1', 'Eins'), full('b2', 'Zwei!')] } };
    const out = alignToBase(mine, base);
    expect(out.root.children[0]).toBe(base.root.children[0]);
    expect(out.root.children[1]).toBe(mine.root.children[1]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createDesktopApi, ApiError } from '../../src-shared/api';
import { databasePath } from './core';
import { useTestCore } from '../../tests/support/testCore';
import { fixtureArticle } from '../../tests/support/fixture-article';
import { bodyFromParagraphs } from '../../src-shared/richtext/plainText';

const desk = useTestCore();

/** Counts of every table, to prove that a refused call wrote nothing. */
function snapshot(): Record<string, number> {
  const db = new Database(databasePath(desk.dir), { readonly: true });
  const out: Record<string, number> = {};
  for (const t of ['articles', 'revisions', 'outbox', 'tags', 'article_tags', 'settings']) {
    out[t] = (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  db.close();
  return out;
}

describe('articles through the DesktopApi', () => {
  it('creates the fixture article and reads back every field, umlauts and quotes intact', async () => {
    const f = fixtureArticle();
    const created = await desk.api['articles.create']({
      fields: {
        kicker: f.kicker,
        headline: f.headline,
        teaser: f.teaser,
        byline: f.byline,
        section: f.section,
        tags: f.tags,
        links: f.links,
      },
      body: f.body,
    });
    const got = await desk.api['articles.get']({ id: created.id });
    expect(got.kicker).toBe('Münster/LWL:');
    expect(got.tags).toEqual(f.tags);
    expect(got.links).toEqual(f.links);
    expect(got.status).toBe('draft');
    expect(JSON.stringify(got.body)).toContain('„Durch diesen Schritt');
    expect(desk.events).toEqual([{ type: 'article.created', id: created.id, origin: 'local' }]);
  });

  it('every save writes one revision and the outbox mutations in the same transaction', async () => {
    const a = await desk.api['articles.create']({ fields: { headline: 'Erste Fassung' } });
    const saved = await desk.api['articles.save']({
      id: a.id,
      fields: { headline: 'Zweite Fassung', tags: ['Politik'] },
      body: bodyFromParagraphs(['Text eins']),
    });
    expect(saved.revision).toBe(a.revision + 1);
    const revs = await desk.api['revisions.list']({ articleId: a.id });
    expect(revs.items.map((r) => r.revision)).toEqual([2, 1]);
    const db = new Database(databasePath(desk.dir), { readonly: true });
    const names = (
      db.prepare('SELECT name FROM outbox ORDER BY mutation_id').all() as { name: string }[]
    ).map((r) => r.name);
    db.close();
    expect(names).toEqual([
      'article.create',
      'article.setFields',
      'article.addTag',
      'article.setBody',
    ]);
  });

  it('coalesces unsent body saves of one article into one mutation', async () => {
    const a = await desk.api['articles.create']({});
    for (const t of ['eins', 'zwei', 'drei'])
      await desk.api['articles.save']({ id: a.id, body: bodyFromParagraphs([t]) });
    const db = new Database(databasePath(desk.dir), { readonly: true });
    const bodies = db
      .prepare("SELECT args_json FROM outbox WHERE name = 'article.setBody'")
      .all() as { args_json: string }[];
    db.close();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.args_json).toContain('drei');
  });

  it('a save that changes nothing writes nothing', async () => {
    const a = await desk.api['articles.create']({ fields: { headline: 'Gleich' } });
    const before = snapshot();
    const same = await desk.api['articles.save']({ id: a.id, fields: { headline: 'Gleich' } });
    expect(same.revision).toBe(a.revision);
    expect(snapshot()).toEqual(before);
  });

  it('lists newest first, pages, and filters by status, section and tag', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await desk.api['articles.create']({
        fields: {
          headline: `Nr ${i}`,
          section: i % 2 ? 'politik' : 'wirtschaft',
          tags: i === 3 ? ['LWL.IT'] : [],
        },
      });
      ids.push(a.id);
      await new Promise((r) => setTimeout(r, 3));
    }
    const page1 = await desk.api['articles.list']({ limit: 2 });
    expect(page1.total).toBe(5);
    expect(page1.items.map((i) => i.headline)).toEqual(['Nr 4', 'Nr 3']);
    const page2 = await desk.api['articles.list']({ limit: 2, offset: 2 });
    expect(page2.items.map((i) => i.headline)).toEqual(['Nr 2', 'Nr 1']);
    expect((await desk.api['articles.list']({ section: 'politik' })).total).toBe(2);
    expect((await desk.api['articles.list']({ tag: 'lwl.it' })).items.map((i) => i.id)).toEqual([
      ids[3],
    ]);
    expect((await desk.api['articles.list']({ status: 'published' })).total).toBe(0);
  });

  it('soft-deletes and restores', async () => {
    const a = await desk.api['articles.create']({ fields: { headline: 'Weg und wieder da' } });
    await desk.api['articles.delete']({ id: a.id });
    expect((await desk.api['articles.list']({})).total).toBe(0);
    expect((await desk.api['articles.list']({ includeDeleted: true })).total).toBe(1);
    expect((await desk.api['articles.search']({ query: 'wieder' })).items).toHaveLength(0);
    const r = await desk.api['articles.restore']({ id: a.id });
    expect(r.deletedAt).toBeNull();
    expect((await desk.api['articles.search']({ query: 'wieder' })).items).toHaveLength(1);
  });

  it('drops a blank draft into the trash on request, and nothing else', async () => {
    const blank = await desk.api['articles.create']({});
    const written = await desk.api['articles.create']({ fields: { headline: 'Bleibt' } });
    const withText = await desk.api['articles.create']({ body: bodyFromParagraphs(['Text']) });
    for (const kept of [written, withText])
      expect(await desk.api['articles.dropIfBlank']({ id: kept.id })).toEqual({ dropped: false });
    expect(await desk.api['articles.dropIfBlank']({ id: blank.id })).toEqual({ dropped: true });
    const live = (await desk.api['articles.list']({})).items.map((i) => i.id);
    expect(live.sort()).toEqual([written.id, withText.id].sort());
    expect((await desk.api['articles.get']({ id: blank.id })).deletedAt).not.toBeNull();
    // Already in the trash: nothing more to drop.
    expect(await desk.api['articles.dropIfBlank']({ id: blank.id })).toEqual({ dropped: false });
    // An unknown article is an error, and changes nothing.
    const before = snapshot();
    await expect(
      desk.api['articles.dropIfBlank']({ id: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(snapshot()).toEqual(before);
  });

  it('restoring a revision writes a new revision and keeps the old ones', async () => {
    const a = await desk.api['articles.create']({
      fields: { headline: 'Alt' },
      body: bodyFromParagraphs(['Alter Text']),
    });
    await desk.api['articles.save']({
      id: a.id,
      fields: { headline: 'Neu' },
      body: bodyFromParagraphs(['Neuer Text']),
    });
    const [newest, oldest] = (await desk.api['revisions.list']({ articleId: a.id })).items;
    const preview = await desk.api['revisions.get']({ id: oldest!.id });
    expect(JSON.stringify(preview.body)).toContain('Alter Text');
    const restored = await desk.api['revisions.restore']({ id: oldest!.id });
    expect(restored.headline).toBe('Alt');
    const after = (await desk.api['revisions.list']({ articleId: a.id })).items;
    expect(after.map((r) => r.id)).toEqual(expect.arrayContaining([newest!.id, oldest!.id]));
    expect(after[0]!.reason).toBe('restored revision 1');
  });

  it('names the author of each revision: nobody before any sign-in, then the signed-in user', async () => {
    const a = await desk.api['articles.create']({ fields: { headline: 'Alt' } });
    const db = new Database(databasePath(desk.dir));
    db.prepare("INSERT INTO sync_state (key, value) VALUES ('user', ?)").run(
      JSON.stringify({ id: 'u1', username: 'anna', role: 'editor' }),
    );
    db.close();
    await desk.api['articles.save']({ id: a.id, fields: { headline: 'Neu' } });
    const items = (await desk.api['revisions.list']({ articleId: a.id })).items;
    expect(items.map((r) => [r.revision, r.author])).toEqual([
      [2, 'anna'],
      [1, null],
    ]);
    expect((await desk.api['revisions.get']({ id: items[0]!.id })).author).toBe('anna');
  });
});

describe('full-text search', () => {
  beforeEach(async () => {
    const f = fixtureArticle();
    await desk.api['articles.create']({
      fields: { kicker: f.kicker, headline: f.headline, teaser: f.teaser, tags: f.tags },
      body: f.body,
    });
    await desk.api['articles.create']({
      fields: { headline: 'Haushalt 2027 in Köln' },
      body: bodyFromParagraphs(['Der Kämmerer legt den Entwurf vor.']),
    });
  });

  it.each([
    ['munster', 1],
    ['MÜNSTER', 1],
    ['Kooperat', 1],
    ['kammerer', 2],
    ['citeq', 1],
    ['koln haushalt', 1],
    ['nichtvorhanden', 0],
    ['"unbalanced AND OR (', 0],
  ])('"%s" finds %i', async (query, n) => {
    expect((await desk.api['articles.search']({ query })).items).toHaveLength(n);
  });
});

describe('bad input gets a clear error and changes nothing', () => {
  it.each([
    ['articles.get', { id: 'not-a-uuid' }, 'invalid_input', /id: must be a UUID/],
    ['articles.create', { fields: { headline: 42 } }, 'invalid_input', /fields\.headline/],
    [
      'articles.create',
      { fields: { links: [{ url: 'javascript:alert(1)', label: 'x' }] } },
      'invalid_input',
      /not allowed/,
    ],
    [
      'articles.create',
      { fields: { section: 'sport' } },
      'invalid_input',
      /Unknown section "sport"/,
    ],
    ['articles.create', { fields: { tags: ['a,b'] } }, 'invalid_input', /comma/],
    ['articles.create', { unknownField: true }, 'invalid_input', /Unrecognized key/],
    ['articles.create', { body: { root: { type: 'paragraph' } } }, 'invalid_input', /body/],
    ['articles.list', { limit: 100000 }, 'invalid_input', /limit/],
    [
      'articles.save',
      { id: '0190b4a2-0000-7000-8000-000000000000', fields: { headline: 'x' } },
      'not_found',
      /not found/,
    ],
    ['settings.update', { language: 'fr' }, 'invalid_input', /language/],
    ['no.such.method', {}, 'unknown_method', /Unknown method/],
  ])('%s %j → %s', async (method, input, code, message) => {
    await desk.api['articles.create']({ fields: { headline: 'Bestand' } });
    const before = snapshot();
    const r = await desk.core.call(method, input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(message);
    }
    expect(snapshot()).toEqual(before);
  });

  it('the typed client rejects bad input before sending it', async () => {
    let called = false;
    const guarded = createDesktopApi({
      call: (m, i) => {
        called = true;
        return desk.core.call(m, i);
      },
      onEvent: () => () => {},
    });
    // @ts-expect-error deliberately wrong type
    await expect(guarded['articles.get']({ id: 7 })).rejects.toBeInstanceOf(ApiError);
    expect(called).toBe(false);
  });

  it('the desk.core keeps serving after many bad calls', async () => {
    for (let i = 0; i < 50; i++)
      await desk.core.call('articles.create', { fields: { headline: i } });
    expect((await desk.api['articles.create']({ fields: { headline: 'danach' } })).headline).toBe(
      'danach',
    );
  });
});

describe('settings', () => {
  it('default to the system language and the 80/300 soft limits, and persist changes', async () => {
    expect(await desk.api['settings.get']({})).toEqual({
      language: 'system',
      headlineSoftLimit: 80,
      teaserSoftLimit: 300,
      personalDictionary: [],
      articleSpelling: {},
      theme: 'system',
      listView: 'all',
      suggestOnOthersArticles: true,
    });
    await desk.api['settings.update']({ language: 'de', headlineSoftLimit: 90, listView: 'trash' });
    expect(await desk.api['settings.get']({})).toMatchObject({
      language: 'de',
      headlineSoftLimit: 90,
      listView: 'trash',
    });
    expect(desk.events).toContainEqual({ type: 'settings.updated' });
  });

  it('turn the desk-chief suggestion default off; a non-boolean is refused and changes nothing', async () => {
    await desk.api['settings.update']({ suggestOnOthersArticles: false });
    expect((await desk.api['settings.get']({})).suggestOnOthersArticles).toBe(false);
    await expect(
      desk.api['settings.update']({ suggestOnOthersArticles: 'no' as unknown as boolean }),
    ).rejects.toThrow();
    expect((await desk.api['settings.get']({})).suggestOnOthersArticles).toBe(false);
  });
});

/**
 * The article list's saved views and filters (SQL on the desk database) and the Trash: who
 * deleted an article, restoring it, and the published rule the server keeps.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/tmp';
import { ARTICLE_VIEWS, viewFilter } from '../../../src-shared/articleViews';
import { ArticleRepository } from './articles';
import { openStore } from './db';
import { LocalWriteRefused, LocalWriter } from './local-writer';
import { NoticeRepository } from './notices';
import { OutboxRepository } from './outbox';

let tmp: ReturnType<typeof tempDir>;
let store: ReturnType<typeof openStore>;
let articles: ArticleRepository;
let notices: NoticeRepository;

beforeEach(() => {
  tmp = tempDir('copydesk-views-');
  store = openStore(join(tmp.dir, 'copydesk.db'));
  const outbox = new OutboxRepository(store.db);
  articles = new ArticleRepository(store.db, { writer: new LocalWriter(store.db, outbox) });
  notices = new NoticeRepository(store.db);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

/** Test ids are UUIDs (as the mutations require) that read back as short names. */
const names = new Map<string, string>();
function U(name: string): string {
  const id = `01900000-0000-7000-8000-${Buffer.from(name).toString('hex').padStart(12, '0')}`;
  names.set(id, name);
  return id;
}

/** An article as a pull would bring it (status, author, section, time set by the server). */
function put(
  id: string,
  over: {
    status?: string;
    authorId?: string | null;
    section?: string;
    at?: string;
    byline?: string;
  },
) {
  const a = articles.create({
    id: U(id),
    fields: {
      headline: `Artikel ${id}`,
      section: over.section ?? 'politik',
      byline: over.byline ?? '',
    },
    authorId: over.authorId ?? null,
  });
  store.db
    .prepare('UPDATE articles SET status = ?, updated_at = ? WHERE id = ?')
    .run(over.status ?? 'draft', over.at ?? a.updatedAt, a.id);
}

const ids = (r: { items: { id: string }[] }) => r.items.map((i) => names.get(i.id) ?? i.id);
const page = { offset: 0, limit: 100 };

describe('saved views and filters', () => {
  beforeEach(() => {
    put('01', { authorId: 'u-anna', byline: 'Anna Muster', at: '2026-12-01T08:00:00.000Z' });
    put('02', { authorId: 'u-ben', byline: 'Ben Berg', at: '2026-12-01T09:00:00.000Z' });
    put('03', { status: 'in_review', authorId: 'u-anna', at: '2026-12-01T10:00:00.000Z' });
    put('04', {
      status: 'published',
      authorId: 'u-ben',
      section: 'wirtschaft',
      at: '2026-11-20T10:00:00.000Z',
    });
    put('05', { authorId: 'u-anna', section: 'wirtschaft', at: '2026-12-02T07:00:00.000Z' });
  });

  it('each saved view lists what its name says, newest change first, with its count', () => {
    const run = (view: string) => articles.list({ ...viewFilter(view), ...page }, 'u-anna');
    expect(ids(run('myDrafts'))).toEqual(['05', '01']);
    expect(run('myDrafts').total).toBe(2);
    expect(ids(run('inReview'))).toEqual(['03']);
    expect(ids(run('published'))).toEqual(['04']);
    expect(ids(run('changesRequested'))).toEqual([]);
    notices.add({
      id: 'n1',
      kind: 'changes_requested',
      articleId: U('02'),
      headline: 'x',
      at: 'now',
    });
    expect(ids(run('changesRequested'))).toEqual(['02']);
    expect(ids(run('all'))).toEqual(['05', '03', '02', '01', '04']);
    // Every view is one entry of the list, with a unique id.
    expect(new Set(ARTICLE_VIEWS.map((v) => v.id)).size).toBe(ARTICLE_VIEWS.length);
  });

  it('"Scheduled" lists scheduled articles, the soonest first, and nothing else', () => {
    const run = () => articles.list({ ...viewFilter('scheduled'), ...page }, 'u-anna');
    expect(ids(run())).toEqual([]);
    put('06', { status: 'approved', at: '2026-12-02T08:00:00.000Z' });
    put('07', { status: 'approved', at: '2026-12-02T09:00:00.000Z' });
    put('08', { status: 'approved', at: '2026-12-02T10:00:00.000Z' });
    const schedule = store.db.prepare(
      'UPDATE articles SET scheduled_at = ?, embargo_until = ? WHERE id = ?',
    );
    schedule.run('2027-01-15T05:00:00.000Z', null, U('06'));
    schedule.run('2027-01-14T05:00:00.000Z', null, U('07'));
    // Under embargo but not scheduled: not in the view.
    schedule.run(null, '2027-01-14T05:00:00.000Z', U('08'));
    const r = run();
    expect(ids(r)).toEqual(['07', '06']);
    expect(r.total).toBe(2);
    expect(r.items[0]).toMatchObject({ scheduledAt: '2027-01-14T05:00:00.000Z' });
    expect(ids(articles.list({ ...page, scheduled: true, section: 'wirtschaft' }))).toEqual([]);
  });

  it('filters combine with each other and with a view; "mine" without a user means none named', () => {
    expect(ids(articles.list({ ...page, section: 'wirtschaft' }))).toEqual(['05', '04']);
    expect(ids(articles.list({ ...page, authorId: 'u-ben', status: 'published' }))).toEqual(['04']);
    expect(
      ids(articles.list({ ...viewFilter('myDrafts'), section: 'wirtschaft', ...page }, 'u-anna')),
    ).toEqual(['05']);
    expect(
      ids(
        articles.list({
          ...page,
          updatedFrom: '2026-12-01T08:30:00Z',
          updatedBefore: '2026-12-01T10:00:00+00:00',
        }),
      ),
    ).toEqual(['02']);
    expect(articles.list({ ...page, mine: true }, null).total).toBe(0);
  });

  it('search is narrowed by the same filters', () => {
    expect(ids({ items: articles.search('Artikel', 50) })).toHaveLength(5);
    expect(ids({ items: articles.search('Artikel', 50, { section: 'wirtschaft' }) })).toEqual([
      '05',
      '04',
    ]);
    expect(
      ids({ items: articles.search('Artikel', 50, viewFilter('myDrafts'), 'u-anna') }),
    ).toEqual(['05', '01']);
  });

  it('names the authors for the author filter: the signed-in user by name, others by byline', () => {
    expect(articles.authors({ id: 'u-anna', username: 'anna' })).toEqual([
      { id: 'u-anna', name: 'anna' },
      { id: 'u-ben', name: 'Ben Berg' },
    ]);
  });
});

describe('the Trash', () => {
  it('keeps who deleted an article and when; restore puts it back and forgets the deleter', () => {
    put('a1', { at: '2026-12-01T08:00:00.000Z' });
    put('a2', { at: '2026-12-01T09:00:00.000Z' });
    articles.softDelete(U('a1'), 'anna');
    articles.softDelete(U('a2'), null);
    expect(ids(articles.list(page))).toEqual([]);
    const trash = articles.list({ ...viewFilter('trash'), ...page });
    expect(trash.total).toBe(2);
    const a1 = trash.items.find((i) => i.id === U('a1'))!;
    expect(a1.deletedBy).toBe('anna');
    expect(a1.deletedAt).not.toBeNull();
    expect(trash.items.find((i) => i.id === U('a2'))!.deletedBy).toBeNull();
    // Searching inside the Trash finds deleted articles only.
    expect(ids({ items: articles.search('Artikel', 50, { deleted: true }) }).sort()).toEqual([
      'a1',
      'a2',
    ]);
    const back = articles.restore(U('a1'));
    expect(back.deletedAt).toBeNull();
    expect(ids(articles.list(page))).toEqual(['a1']);
    const row = store.db.prepare('SELECT deleted_by FROM articles WHERE id = ?').get(U('a1'));
    expect(row).toEqual({ deleted_by: null });
  });

  it('refuses to delete a published article and changes nothing', () => {
    put('p1', { status: 'published' });
    const before = store.db.prepare('SELECT * FROM articles').all();
    const outbox = store.db.prepare('SELECT COUNT(*) AS n FROM outbox').get();
    expect(() => articles.softDelete(U('p1'), 'anna')).toThrow(LocalWriteRefused);
    expect(store.db.prepare('SELECT * FROM articles').all()).toEqual(before);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual(outbox);
  });

  it('a deletion pulled from another desk names its actor; the echo of our own keeps our name', () => {
    put('s1', {});
    const a = articles.get(U('s1'));
    const sync = { serverVersion: 5, serverBodyVersion: 1, hasConflict: false };
    articles.putSynced(
      { ...a, deletedAt: '2026-12-02T10:00:00.000Z' },
      { ...sync, updatedBy: 'ben' },
    );
    expect(articles.list({ deleted: true, ...page }).items[0]!.deletedBy).toBe('ben');
    put('s2', {});
    articles.softDelete(U('s2'), 'anna');
    const b = articles.get(U('s2'));
    articles.putSynced({ ...b, deletedAt: '2026-12-02T11:00:00.000Z' }, sync);
    expect(
      articles.list({ deleted: true, ...page }).items.find((i) => i.id === U('s2'))!.deletedBy,
    ).toBe('anna');
    articles.putSynced({ ...b, deletedAt: null }, { ...sync, updatedBy: 'ben' });
    expect(articles.get(U('s2')).deletedAt).toBeNull();
  });
});

/**
 * Local store benchmark: 100,000 synthetic German articles (300–800 words). Every operation is
 * measured through the core (validation, repositories) and as the same SQL with raw prepared
 * statements in the same run; the ratio is our overhead.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openCore, databasePath } from '../src-main/core/core';
import { openStore } from '../src-main/core/store/db';
import { tagKey } from '../src-main/core/store/tags';
import { bodyFromParagraphs, bodyPlainText, countWords } from '../src-shared/richtext/plainText';
import { ProseGenerator, rng } from './german-text';
import { benchRoot, printTable, ratio, summarize, timeAsync, time, writeResult } from './stats';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const GENERATOR_VERSION = 5;
/** Three authors, so that "My drafts" selects a third of the drafts. */
const AUTHORS = ['u-anna', 'u-ben', 'u-cem'];
const SECTIONS = ['politik', 'digitalisierung', 'verwaltung', 'wirtschaft'];
const TAGS = [
  'Politik',
  'citeq',
  'Münster',
  'LWL.IT',
  'Haushalt',
  'Breitband',
  'OZG',
  'Datenschutz',
  'Cloud',
  'Schule',
];

function generate(profileDir: string): void {
  const path = databasePath(profileDir);
  const store = openStore(path);
  const db = store.db;
  const gen = new ProseGenerator(rng(42));
  const r = rng(1);
  const insert = db.prepare(
    `INSERT INTO articles (id, kicker, headline, teaser, byline, section, slug, tags_json, links_json, body_json,
       body_text, word_count, status, author_id, revision, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'bs', ?, '', ?, '[]', ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const fts = db.prepare(
    'INSERT INTO articles_fts (rowid, kicker, headline, teaser, body, tags) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const tag = db.prepare('INSERT OR IGNORE INTO tags (slug, name) VALUES (?, ?)');
  const link = db.prepare('INSERT INTO article_tags (article_id, tag_slug) VALUES (?, ?)');
  const statuses = ['draft', 'in_review', 'approved', 'published'];
  const start = Date.parse('2024-01-01T00:00:00Z');
  const batch = 5000;
  for (let b = 0; b < ARTICLES; b += batch) {
    db.transaction(() => {
      for (let i = b; i < Math.min(ARTICLES, b + batch); i++) {
        const words = 300 + Math.floor(r() * 500);
        const paragraphs = gen.paragraphs(words);
        const body = bodyFromParagraphs(paragraphs);
        const text = bodyPlainText(body);
        const tags = [TAGS[i % TAGS.length]!, TAGS[(i * 7) % TAGS.length]!].filter(
          (t, k, a) => a.indexOf(t) === k,
        );
        const headline = gen.sentence().slice(0, 90);
        const kicker = `${gen.word()}:`;
        const teaser = gen.sentence() + ' ' + gen.sentence();
        const at = new Date(start + i * 60_000).toISOString();
        const id = uuidv7();
        const info = insert.run(
          id,
          kicker,
          headline,
          teaser,
          SECTIONS[i % 4],
          JSON.stringify(tags),
          JSON.stringify(body),
          text,
          countWords(text),
          statuses[i % 4],
          AUTHORS[Math.floor(i / 4) % 3],
          at,
          at,
        );
        fts.run(info.lastInsertRowid, kicker, headline, teaser, text, tags.join(' '));
        for (const t of tags) {
          tag.run(tagKey(t), t);
          link.run(id, tagKey(t));
        }
      }
    })();
    if (b % 20000 === 0) process.stdout.write(`  generated ${b + batch} / ${ARTICLES}\n`);
  }
  db.pragma('optimize');
  store.close();
}

/** The generated profile the store and list benchmarks share. */
export function storeBenchProfile(): string {
  return join(benchRoot, '.cache', `store-${ARTICLES}-v${GENERATOR_VERSION}`);
}

export async function runStoreBench(): Promise<object> {
  const cacheDir = storeBenchProfile();
  if (!existsSync(databasePath(cacheDir))) {
    const tmp = `${cacheDir}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    console.log(`Generating ${ARTICLES} articles (cached in ${cacheDir})…`);
    const [ms] = time(() => generate(tmp));
    console.log(`  done in ${(ms / 1000).toFixed(1)} s`);
    renameSync(tmp, cacheDir);
  }
  const path = databasePath(cacheDir);

  // Opening the database, including the schema/migration check (openStore: pragmas, version
  // check, crash marker) against the same work by hand; and, reported without a ratio, opening
  // the whole core (repositories and the sync engine's client-identity check on top).
  const openOurs: number[] = [];
  const openRaw: number[] = [];
  const openCoreMs: number[] = [];
  for (let i = 0; i < 31; i++) {
    const ours = () => {
      const [t, store] = time(() => openStore(path));
      store.close();
      return t;
    };
    const rawT = () => {
      const [t, d] = time(() => {
        const d = new Database(path);
        d.pragma('user_version', { simple: true });
        d.pragma('journal_mode = WAL');
        d.pragma('synchronous = FULL');
        d.pragma('foreign_keys = ON');
        d.pragma('busy_timeout = 5000');
        return d;
      });
      d.close();
      return t;
    };
    if (i === 0) {
      ours();
      rawT();
      continue;
    }
    if (i % 2) {
      openOurs.push(ours());
      openRaw.push(rawT());
    } else {
      openRaw.push(rawT());
      openOurs.push(ours());
    }
    const [t, c] = await timeAsync(() =>
      openCore({ profileDir: cacheDir, host: 'cli', backgroundIntegrityCheck: false }),
    );
    openCoreMs.push(t);
    await c.close();
  }

  const core = await openCore({
    profileDir: cacheDir,
    host: 'cli',
    backgroundIntegrityCheck: false,
  });
  const raw = new Database(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  const call = async (m: string, input: unknown) => {
    const r = await core.call(m, input);
    if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
    return r.value;
  };

  // First page of the list.
  const rawPage = raw.prepare(
    'SELECT id, kicker, headline, teaser, section, tags_json, status, updated_at, created_at, deleted_at, word_count FROM articles WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 100 OFFSET 0',
  );
  const rawCount = raw.prepare('SELECT COUNT(*) AS n FROM articles WHERE deleted_at IS NULL');
  const pageOurs: number[] = [];
  const pageRaw: number[] = [];
  for (let i = 0; i < 51; i++) {
    const ours = async () =>
      (await timeAsync(() => call('articles.list', { offset: 0, limit: 100 })))[0];
    const rawT = () => time(() => [rawPage.all(), rawCount.get()])[0];
    if (i === 0) {
      await ours(); // warm-up: cache and statement preparation
      rawT();
    } else if (i % 2) {
      pageOurs.push(await ours());
      pageRaw.push(rawT());
    } else {
      pageRaw.push(rawT());
      pageOurs.push(await ours());
    }
  }

  // The first page of a saved view with a filter ("My drafts" in one section), alternating with
  // the plain first page in the same loop so that both see the same machine load.
  const view = { status: 'draft', authorId: 'u-anna', section: 'politik' };
  const plainPage: number[] = [];
  const filteredPage: number[] = [];
  let filteredTotal = 0;
  for (let i = 0; i < 51; i++) {
    const plainT = async () =>
      (await timeAsync(() => call('articles.list', { offset: 0, limit: 100 })))[0];
    const filteredT = async () => {
      const [t, v] = await timeAsync(() =>
        call('articles.list', { ...view, offset: 0, limit: 100 }),
      );
      filteredTotal = (v as { total: number }).total;
      return t;
    };
    if (i === 0) {
      await plainT();
      await filteredT();
    } else if (i % 2) {
      plainPage.push(await plainT());
      filteredPage.push(await filteredT());
    } else {
      filteredPage.push(await filteredT());
      plainPage.push(await plainT());
    }
  }

  // Ten different searches, each five times.
  const queries = [
    'Münster',
    'Kooperat',
    'kammerer',
    'Digitalisierung Verwaltung',
    'Breitband',
    'Lunemann',
    'Glasfaser Kreis',
    'Verwaltungsportal',
    'Haushaltsplan',
    'datenschutz cloud',
  ];
  const rawSearch = raw.prepare(
    `SELECT a.id, a.kicker, a.headline, a.teaser, a.section, a.tags_json, a.status, a.updated_at, a.created_at, a.deleted_at, a.word_count
       FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
      WHERE articles_fts MATCH ? AND a.deleted_at IS NULL ORDER BY articles_fts.rowid DESC LIMIT 50`,
  );
  const searchOurs: number[] = [];
  const searchRaw: number[] = [];
  const hits: Record<string, number> = {};
  // Each query once untimed to warm the page cache, then both sides alternate who goes first.
  for (let rep = 0; rep < 6; rep++) {
    for (const q of queries) {
      const fts = q
        .split(/\s+/)
        .map((w) => `"${w}"*`)
        .join(' ');
      const ours = async () => {
        const [t, v] = await timeAsync(() => call('articles.search', { query: q, limit: 50 }));
        hits[q] = (v as { items: unknown[] }).items.length;
        return t;
      };
      const rawT = () => time(() => rawSearch.all(fts))[0];
      if (rep === 0) {
        await ours();
        rawT();
      } else if (rep % 2) {
        searchOurs.push(await ours());
        searchRaw.push(rawT());
      } else {
        searchRaw.push(rawT());
        searchOurs.push(await ours());
      }
    }
  }

  // Insert one article and update one body, 50 times each.
  const gen = new ProseGenerator(rng(99));
  const makeBody = () => bodyFromParagraphs(gen.paragraphs(500));
  const rawInsert = raw.transaction((id: string, body: object) => {
    const text = bodyPlainText(body);
    const json = JSON.stringify(body);
    const now = new Date().toISOString();
    const info = raw
      .prepare(
        `INSERT INTO articles (id, headline, body_json, body_text, word_count, revision, created_at, updated_at) VALUES (?, 'Neu', ?, ?, ?, 1, ?, ?)`,
      )
      .run(id, json, text, countWords(text), now, now);
    raw
      .prepare(
        'INSERT INTO articles_fts (rowid, kicker, headline, teaser, body, tags) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(info.lastInsertRowid, '', 'Neu', '', text, '');
    raw
      .prepare(
        'INSERT INTO revisions (id, article_id, revision, reason, body_json, fields_json, size, created_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?)',
      )
      .run(uuidv7(), id, 'created', json, '{}', json.length, now);
    raw
      .prepare(
        'INSERT INTO outbox (name, args_json, entity_type, entity_id, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      // Args as the mutation has them (the body JSON spliced in, as cheap as before).
      .run('article.create', `{"id":${JSON.stringify(id)},"body":${json}}`, 'article', id, now);
  });
  const insertOurs: number[] = [];
  const insertRaw: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < 50; i++) {
    const body = makeBody();
    const [t, a] = await timeAsync(() =>
      call('articles.create', { fields: { headline: 'Neu' }, body }),
    );
    insertOurs.push(t);
    ids.push((a as { id: string }).id);
    insertRaw.push(time(() => rawInsert(uuidv7(), body))[0]);
  }
  const rawUpdate = raw.transaction((id: string, body: object) => {
    const text = bodyPlainText(body);
    const json = JSON.stringify(body);
    const now = new Date().toISOString();
    const row = raw.prepare('SELECT rowid, revision FROM articles WHERE id = ?').get(id) as {
      rowid: number;
      revision: number;
    };
    raw
      .prepare(
        'UPDATE articles SET body_json = ?, body_text = ?, word_count = ?, revision = revision + 1, updated_at = ? WHERE id = ?',
      )
      .run(json, text, countWords(text), now, id);
    raw.prepare('DELETE FROM articles_fts WHERE rowid = ?').run(row.rowid);
    raw
      .prepare(
        'INSERT INTO articles_fts (rowid, kicker, headline, teaser, body, tags) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(row.rowid, '', 'Neu', '', text, '');
    raw
      .prepare(
        'INSERT INTO revisions (id, article_id, revision, reason, body_json, fields_json, size, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(uuidv7(), id, row.revision + 1, 'saved', json, '{}', json.length, now);
    raw
      .prepare(
        'INSERT INTO outbox (name, args_json, entity_type, entity_id, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        'article.setBody',
        `{"id":${JSON.stringify(id)},"baseBodyVersion":0,"body":${json}}`,
        'article',
        id,
        now,
      );
  });
  const updateOurs: number[] = [];
  const updateRaw: number[] = [];
  for (let i = 0; i < 50; i++) {
    const body = makeBody();
    updateOurs.push((await timeAsync(() => call('articles.save', { id: ids[i], body })))[0]);
    updateRaw.push(time(() => rawUpdate(ids[(i + 1) % ids.length]!, body))[0]);
  }

  // Leave the cached database as generated.
  raw.prepare("DELETE FROM articles WHERE headline = 'Neu'").run();
  raw.close();
  await core.close();

  const ops = {
    open: { ours: summarize(openOurs), raw: summarize(openRaw), target: 'median ≤ 100 ms' },
    openWholeCore: {
      ours: summarize(openCoreMs),
      raw: summarize(openRaw),
      note: 'no ratio target: the core does more than open the database',
    },
    firstPage: { ours: summarize(pageOurs), raw: summarize(pageRaw), target: 'median ≤ 20 ms' },
    filteredFirstPage: {
      ours: summarize(filteredPage),
      raw: summarize(plainPage),
      target: 'median ≤ 1.2 × the plain first page (raw = the plain first page, same loop)',
      filter: view,
      total: filteredTotal,
    },
    search: { ours: summarize(searchOurs), raw: summarize(searchRaw), target: 'p95 ≤ 30 ms', hits },
    insertOne: { ours: summarize(insertOurs), raw: summarize(insertRaw) },
    updateBody: { ours: summarize(updateOurs), raw: summarize(updateRaw) },
  };
  const rows = Object.entries(ops).map(([name, o]) => ({
    operation: name,
    'median ms': o.ours.median,
    'p95 ms': o.ours.p95,
    'raw median ms': o.raw.median,
    'ratio (median)': ratio(o.ours.median, o.raw.median),
  }));
  const result = {
    articles: ARTICLES,
    operations: ops,
    ratios: Object.fromEntries(rows.map((r) => [r.operation, r['ratio (median)']])),
    targets: {
      openMs: ops.open.ours.median <= 100,
      firstPageMs: ops.firstPage.ours.median <= 20,
      searchP95Ms: ops.search.ours.p95 <= 30,
      overheadRatio: rows
        .filter((r) => r.operation !== 'openWholeCore' && r.operation !== 'filteredFirstPage')
        .every((r) => r['ratio (median)'] <= 1.5),
      openWholeCoreMs: ops.openWholeCore.ours.median <= 100,
      filteredFirstPageRatio:
        ops.filteredFirstPage.ours.median <= 1.2 * ops.filteredFirstPage.raw.median,
    },
  };
  printTable(`Local store, ${ARTICLES} articles`, rows);
  console.log('targets met:', result.targets);
  console.log('written:', writeResult('store', result));
  return result;
}

/**
 * articles.save answers without the body when it stored the body as sent (the DesktopApi client
 * puts it back), and its change event says that only content changed.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { ApiError, createDesktopApi, type CallResult } from '../../src-shared/api';
import { saveAnswerOf, savedArticleOf, type SavedArticle } from '../../src-shared/saveAnswer';
import { bodyFromParagraphs } from '../../src-shared/richtext/plainText';
import { ensureBlockIdsJson } from '../../src-shared/richtext/blockIds';
import { databasePath } from './core';
import { useTestCore } from '../../tests/support/testCore';

const desk = useTestCore();

const body = (...texts: string[]) => ensureBlockIdsJson(bodyFromParagraphs(texts));

async function raw(method: 'articles.save', input: unknown): Promise<Record<string, unknown>> {
  const r: CallResult = await desk.core.call(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Record<string, unknown>;
}

describe('articles.save answer', () => {
  it('leaves out a body stored as sent; the client puts it back as stored', async () => {
    const a = await desk.api['articles.create']({ fields: { headline: 'Lang' } });
    const sent = body('Erster Absatz', 'Zweiter Absatz');
    const answer = await raw('articles.save', { id: a.id, body: sent, baseRevision: a.revision });
    expect(answer).not.toHaveProperty('body');
    expect(answer).toMatchObject({ bodyStored: 'as-sent', outcome: 'applied', revision: 2 });

    const next = body('Erster Absatz', 'Zweiter Absatz, länger');
    const saved = await desk.api['articles.save']({ id: a.id, body: next });
    expect(saved).not.toHaveProperty('bodyStored');
    expect(saved.revision).toBe(3);
    const stored = await desk.api['articles.get']({ id: a.id });
    expect(saved.body).toEqual(stored.body);
    const { outcome, ...rest } = saved;
    expect(outcome).toBe('applied');
    expect(rest).toEqual(stored);
  });

  it('answers with the whole body for a save of fields only', async () => {
    const a = await desk.api['articles.create']({ body: body('Text') });
    const answer = await raw('articles.save', { id: a.id, fields: { headline: 'Neu' } });
    expect(answer).not.toHaveProperty('bodyStored');
    expect(answer.body).toEqual(a.body);
    expect(answer.headline).toBe('Neu');
  });

  it('announces a save as a content-only change, and a restore as a full one', async () => {
    const a = await desk.api['articles.create']({});
    await desk.api['articles.save']({ id: a.id, body: body('eins') });
    const revs = await desk.api['revisions.list']({ articleId: a.id });
    await desk.api['revisions.restore']({ id: revs.items.at(-1)!.id });
    const updates = desk.events.filter((e) => e.type === 'article.updated');
    expect(updates).toEqual([
      { type: 'article.updated', id: a.id, origin: 'local', revision: 2, contentOnly: true },
      { type: 'article.updated', id: a.id, origin: 'local', revision: 3 },
    ]);
  });

  it('a refused save changes nothing and announces nothing', async () => {
    const a = await desk.api['articles.create']({ body: body('bleibt') });
    desk.events.length = 0;
    const bad = { root: { type: 'root', children: [{ type: 'script', text: 'x' }] } };
    await expect(desk.api['articles.save']({ id: a.id, body: bad as never })).rejects.toMatchObject(
      {
        code: 'invalid_input',
      },
    );
    expect((await desk.api['articles.get']({ id: a.id })).body).toEqual(a.body);
    expect(desk.events).toEqual([]);
  });

  it('a client rejects an answer that leaves out a body it did not send', async () => {
    const a = await desk.api['articles.create']({});
    const full = await desk.api['articles.save']({ id: a.id, fields: { headline: 'X' } });
    const broken = saveAnswerOf(full, true);
    const client = createDesktopApi({
      call: () => Promise.resolve({ ok: true, value: broken }),
      onEvent: () => () => undefined,
    });
    const e = await client['articles.save']({ id: a.id, fields: { headline: 'Y' } }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('invalid_output');
  });
});

describe('saveAnswerOf / savedArticleOf', () => {
  const saved = {
    id: 'x',
    body: body('a'),
    revision: 4,
    outcome: 'applied',
  } as unknown as SavedArticle;

  it('round-trips a body stored as sent', () => {
    const answer = saveAnswerOf(saved, true);
    expect(answer).not.toHaveProperty('body');
    expect(savedArticleOf(answer, { body: saved.body })).toEqual(saved);
  });

  it('keeps the stored body when it is not the one sent', () => {
    const answer = saveAnswerOf(saved, false);
    expect(answer).toBe(saved);
    expect(savedArticleOf(answer, { body: body('anders') })).toBe(saved);
  });

  it('gives null for "as sent" without a sent body', () => {
    expect(savedArticleOf(saveAnswerOf(saved, true), {})).toBeNull();
  });
});

describe('outbox coalescing', () => {
  it('a coalesced body keeps the earliest unsent base body version', async () => {
    const a = await desk.api['articles.create']({});
    const db = new Database(databasePath(desk.dir));
    const setBase = (v: number) =>
      db.prepare('UPDATE articles SET server_body_version = ? WHERE id = ?').run(v, a.id);
    setBase(17);
    await desk.api['articles.save']({ id: a.id, body: body('eins') });
    setBase(20);
    await desk.api['articles.save']({ id: a.id, body: body('zwei') });
    const rows = db
      .prepare("SELECT args_json FROM outbox WHERE name = 'article.setBody'")
      .all() as { args_json: string }[];
    db.close();
    expect(rows).toHaveLength(1);
    const args = JSON.parse(rows[0]!.args_json) as { baseBodyVersion: number; body: unknown };
    expect(args.baseBodyVersion).toBe(17);
    expect(JSON.stringify(args.body)).toContain('zwei');
  });
});

/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- JSON responses are `any`; the assertions check their shape */
/**
 * Field suggestions on the server (issue #17): kept as the article's data, never published,
 * resolved in one change by the author or a desk chief, refused with a clear reason on bad input,
 * and left out of pulls for desks older than schemaVersion 2026-12-x.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src-shared/protocol';
import {
  Client,
  body,
  completeFields,
  http,
  login,
  spawnServer,
  type ServerProcess,
} from './helpers';

let server: ServerProcess;
let chief: Client;
let editor: Client;
let other: Client;

const at = '2026-12-03T05:00:00.000Z';
const suggest = (
  id: string,
  field: string,
  value: string,
  sid = randomUUID(),
  author = 'chief',
) => ({
  name: 'article.suggestField',
  args: { id, suggestion: { id: sid, field, value, author, at } },
});
const statuses = (r: { body: { outcomes: { status: string }[] } }) =>
  r.body.outcomes.map((o) => o.status);

beforeAll(async () => {
  server = await spawnServer(['--demo']);
  chief = new Client(server.url, await login(server.url, 'chief'));
  editor = new Client(server.url, await login(server.url, 'editor'));
  const admin = await login(server.url, 'admin');
  const created = await http(`${server.url}/api/v1/users`, {
    token: admin,
    json: { username: 'other', password: 'other-password', role: 'editor' },
  });
  expect(created.status).toBeLessThan(300);
  other = new Client(server.url, await login(server.url, 'other', 'other-password'));
});
afterAll(async () => {
  await server.stop();
});

async function pulledArticle(schemaVersion: string | undefined, id: string) {
  const c = new Client(server.url, chief.token);
  c.schemaVersion = schemaVersion;
  const pages = await c.pullAll(1000);
  return pages
    .flatMap((p) => p.changes)
    .filter((ch: { id: string }) => ch.id === id)
    .at(-1)?.data;
}

describe('field suggestions on the server', () => {
  it('publishes the fields, never the open suggestions on them (page, feed, ninjs, JSON API)', async () => {
    const id = randomUUID();
    const r = await chief.push([
      { name: 'article.create', args: { id, fields: completeFields(), body: body('Text.') } },
      suggest(id, 'kicker', 'Geheime Dachzeile:'),
      suggest(id, 'headline', 'Geheime Schlagzeile'),
      suggest(id, 'teaser', 'Geheimer Vorspann.'),
      { name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } },
      { name: 'article.transition', args: { id, from: 'in_review', to: 'approved' } },
      { name: 'article.transition', args: { id, from: 'approved', to: 'published' } },
    ]);
    expect(statuses(r)).toEqual(Array(7).fill('applied'));
    const stored = await pulledArticle(SCHEMA_VERSION, id);
    expect(stored.fieldSuggestions.map((s: { field: string }) => s.field)).toEqual([
      'kicker',
      'headline',
      'teaser',
    ]);
    expect(stored.headline).toBe('IT-Kooperation beschlossen');

    const page = await http(`${server.url}/articles/${stored.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('IT-Kooperation beschlossen');
    const feed = await http(`${server.url}/feed.xml`);
    expect(feed.text).toContain('IT-Kooperation beschlossen');
    const ninjs = await http(`${server.url}/api/ninjs/v2/items/${id}`);
    expect(ninjs.status).toBe(200);
    expect(JSON.stringify(ninjs.body)).toContain('IT-Kooperation beschlossen');
    const json = await http(`${server.url}/api/v1/published/${stored.slug}`);
    expect(json.status).toBe(200);
    expect(json.body.headline).toBe('IT-Kooperation beschlossen');
    for (const text of [
      page.text,
      feed.text,
      JSON.stringify(ninjs.body),
      JSON.stringify(json.body),
    ]) {
      expect(text).not.toMatch(
        /Geheime Dachzeile|Geheime Schlagzeile|Geheimer Vorspann|fieldSuggestions/,
      );
    }
  });

  it('lets the author accept one suggestion and reject another, each in one change', async () => {
    const id = randomUUID();
    expect(
      statuses(
        await editor.push([
          { name: 'article.create', args: { id, fields: { headline: 'Alt', kicker: 'Rat:' } } },
        ]),
      ),
    ).toEqual(['applied']);
    const h = randomUUID();
    const k = randomUUID();
    expect(
      statuses(
        await chief.push([suggest(id, 'headline', 'Neu', h), suggest(id, 'kicker', 'Stadt:', k)]),
      ),
    ).toEqual(['applied', 'applied']);
    const before = await pulledArticle(SCHEMA_VERSION, id);

    // Another editor may neither suggest on nor resolve an article that is not theirs.
    const refused = await other.push([
      suggest(id, 'headline', 'Fremd', randomUUID(), 'other'),
      { name: 'article.resolveFieldSuggestion', args: { id, suggestionId: h, action: 'accept' } },
    ]);
    expect(statuses(refused)).toEqual(['rejected', 'rejected']);
    expect(refused.body.outcomes[1].code).toBe('forbidden');

    const r = await editor.push([
      { name: 'article.resolveFieldSuggestion', args: { id, suggestionId: h, action: 'accept' } },
      { name: 'article.resolveFieldSuggestion', args: { id, suggestionId: k, action: 'reject' } },
    ]);
    expect(statuses(r)).toEqual(['applied', 'applied']);
    const after = await pulledArticle(SCHEMA_VERSION, id);
    expect(after.headline).toBe('Neu');
    expect(after.kicker).toBe('Rat:');
    expect(after.fieldSuggestions).toEqual([]);
    // Two changes: the accept (field and list together) and the reject.
    expect(after.revision).toBe(before.revision + 2);
  });

  it('refuses an unknown field, a value over the field limit and an unknown suggestion, writing nothing', async () => {
    const id = randomUUID();
    await chief.push([{ name: 'article.create', args: { id, fields: { headline: 'Alt' } } }]);
    const before = await pulledArticle(SCHEMA_VERSION, id);
    const r = await chief.push([
      suggest(id, 'byline', 'Jemand'),
      suggest(id, 'headline', 'x'.repeat(501)),
      {
        name: 'article.resolveFieldSuggestion',
        args: { id, suggestionId: randomUUID(), action: 'accept' },
      },
    ]);
    expect(statuses(r)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(r.body.outcomes[0].code).toBe('invalid_args');
    expect(r.body.outcomes[1].reason).toMatch(/500/);
    expect(r.body.outcomes[2].code).toBe('unknown_suggestion');
    const after = await pulledArticle(SCHEMA_VERSION, id);
    expect(after.version).toBe(before.version);
    expect(after.fieldSuggestions ?? []).toEqual([]);
  });

  it("refuses a suggestion in someone else's name, writing nothing", async () => {
    const id = randomUUID();
    await editor.push([{ name: 'article.create', args: { id, fields: { headline: 'Alt' } } }]);
    const before = await pulledArticle(SCHEMA_VERSION, id);
    // The article's own author, but the suggestion claims to be the chief's.
    const r = await editor.push([suggest(id, 'headline', 'Gefälscht', randomUUID(), 'chief')]);
    expect(statuses(r)).toEqual(['rejected']);
    expect(r.body.outcomes[0].code).toBe('forbidden');
    expect(r.body.outcomes[0].reason).toMatch(/name of the user/);
    const after = await pulledArticle(SCHEMA_VERSION, id);
    expect(after.version).toBe(before.version);
    expect(after.fieldSuggestions ?? []).toEqual([]);
  });

  it('undoes an accept in one change (field and suggestion back) and refuses once the field moved on', async () => {
    const id = randomUUID();
    await editor.push([{ name: 'article.create', args: { id, fields: { headline: 'Alt' } } }]);
    const h = randomUUID();
    await chief.push([suggest(id, 'headline', 'Neu', h)]);
    const open = await pulledArticle(SCHEMA_VERSION, id);
    const decided = open.fieldSuggestions[0];
    const reopen = {
      name: 'article.reopenFieldSuggestion',
      args: { id, suggestion: decided, action: 'accept', previous: 'Alt' },
    };
    // Someone else may not undo the author's decision.
    await editor.push([
      { name: 'article.resolveFieldSuggestion', args: { id, suggestionId: h, action: 'accept' } },
    ]);
    const refused = await other.push([reopen]);
    expect(statuses(refused)).toEqual(['rejected']);
    expect(refused.body.outcomes[0].code).toBe('forbidden');
    const accepted = await pulledArticle(SCHEMA_VERSION, id);
    expect(statuses(await editor.push([reopen]))).toEqual(['applied']);
    const back = await pulledArticle(SCHEMA_VERSION, id);
    expect(back.headline).toBe('Alt');
    expect(back.fieldSuggestions).toEqual([decided]);
    expect(back.revision).toBe(accepted.revision + 1);
    // Replayed (a desk pushing it again after a lost answer): nothing changes.
    expect(statuses(await editor.push([reopen]))).toEqual(['noop']);

    // Accepted again, then the headline is edited: the undo is refused and changes nothing.
    await editor.push([
      { name: 'article.resolveFieldSuggestion', args: { id, suggestionId: h, action: 'accept' } },
      {
        name: 'article.setFields',
        args: {
          id,
          baseVersion: 0,
          values: { headline: 'Neuer' },
          baseValues: { headline: 'Neu' },
        },
      },
    ]);
    const moved = await pulledArticle(SCHEMA_VERSION, id);
    expect(moved.headline).toBe('Neuer');
    const late = await editor.push([reopen]);
    expect(statuses(late)).toEqual(['rejected']);
    expect(late.body.outcomes[0].code).toBe('field_moved');
    const after = await pulledArticle(SCHEMA_VERSION, id);
    expect(after.version).toBe(moved.version);
    expect(after.headline).toBe('Neuer');
    expect(after.fieldSuggestions).toEqual([]);
  });

  it('undoes a reject: the suggestion is open again, the field untouched', async () => {
    const id = randomUUID();
    await editor.push([{ name: 'article.create', args: { id, fields: { kicker: 'Rat:' } } }]);
    const k = randomUUID();
    await chief.push([suggest(id, 'kicker', 'Stadt:', k)]);
    const decided = (await pulledArticle(SCHEMA_VERSION, id)).fieldSuggestions[0];
    await chief.push([
      { name: 'article.resolveFieldSuggestion', args: { id, suggestionId: k, action: 'reject' } },
    ]);
    const r = await chief.push([
      {
        name: 'article.reopenFieldSuggestion',
        args: { id, suggestion: decided, action: 'reject' },
      },
    ]);
    expect(statuses(r)).toEqual(['applied']);
    const back = await pulledArticle(SCHEMA_VERSION, id);
    expect(back.kicker).toBe('Rat:');
    expect(back.fieldSuggestions).toEqual([decided]);
  });

  it('sends desks older than 2026-12-x the article without its field suggestions', async () => {
    const id = randomUUID();
    await chief.push([
      { name: 'article.create', args: { id, fields: { headline: 'Alt' } } },
      suggest(id, 'headline', 'Neu'),
    ]);
    const current = await pulledArticle(SCHEMA_VERSION, id);
    expect(current.fieldSuggestions).toHaveLength(1);
    expect(current.fieldVersions.fieldSuggestions).toBe(current.version);
    for (const old of [undefined, '2026-12-v', '2026-12-w']) {
      const data = await pulledArticle(old, id);
      expect(data).not.toHaveProperty('fieldSuggestions');
      expect(data.fieldVersions).not.toHaveProperty('fieldSuggestions');
      expect(data.headline).toBe('Alt');
      expect(data.version).toBe(current.version);
    }
  });
});

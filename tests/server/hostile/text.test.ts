/**
 * Against the real backend: text with control characters, lone surrogates and
 * over-long headlines is cleaned at input; snapshots stored before the rule still give valid
 * pages, a well-formed feed (checked by a real XML parser) and valid JSON; bidi overrides stop a
 * publication until someone looks.
 */
import { randomUUID } from 'node:crypto';
import { serverExec, serverRow } from '../../support/serverDb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmlProblem } from '../../support/xml';
import {
  Client,
  body,
  completeFields,
  http,
  login,
  spawnServer,
  type ServerProcess,
} from '../helpers';
import { publishArticle } from './support';

let server: ServerProcess;
let chief: Client;

beforeAll(async () => {
  server = await spawnServer(['--demo']);
  chief = new Client(server.url, await login(server.url, 'chief'));
});
afterAll(() => server?.stop());

async function expectPublicOutputValid(slug: string): Promise<void> {
  const page = await http(`${server.url}/articles/${slug}`);
  expect(page.status).toBe(200);
  expect(page.text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  const front = await http(`${server.url}/`);
  expect(front.status).toBe(200);
  expect(front.text).toContain(`/articles/${slug}`);
  const api = await http(`${server.url}/api/v1/published/${slug}`);
  expect(api.status).toBe(200);
  expect(api.headers.get('content-type')).toContain('application/json');
  const feed = await http(`${server.url}/feed.xml`);
  expect(feed.status).toBe(200);
  expect(xmlProblem(feed.text)).toBeNull();
}

describe('text cleaned at input', () => {
  it('publishes Word line breaks, NUL and lone surrogates as clean text', async () => {
    const id = randomUUID();
    await publishArticle(
      chief,
      id,
      {
        headline: 'Eil\u000bmeldung\u0000 aus Köln \ud800',
        teaser: 'Erste Zeile\u000bzweite Zeile',
        kicker: 'Köln:\u0007',
      },
      body('Absatz mit\u0000 NUL und \u000b Umbruch'),
    );
    const pulled = (await chief.pullAll()).flatMap(
      (p) => p.changes as { id: string; data: Record<string, unknown> }[],
    );
    const state = pulled.filter((c) => c.id === id).at(-1)?.data ?? {};
    expect(state.headline).toBe('Eil meldung aus Köln \ufffd');
    expect(state.teaser).toBe('Erste Zeile\nzweite Zeile');
    expect(JSON.stringify(state.body)).not.toMatch(/\\u0000|\\u000b/);
    await expectPublicOutputValid(state.slug as string);
  });

  it('makes a slug of at most 80 characters from a long headline, and it resolves', async () => {
    const id = randomUUID();
    await publishArticle(
      chief,
      id,
      { headline: 'Sehr lange Überschrift '.repeat(20) },
      body('Text.'),
    );
    const api = await http(`${server.url}/api/v1/published?limit=50`);
    const item = (api.body.items as { slug: string; url: string }[]).find((i) =>
      i.slug.startsWith('sehr-lange'),
    );
    expect(item).toBeDefined();
    expect(item!.slug.length).toBeLessThanOrEqual(80);
    expect((await http(item!.url)).status).toBe(200);
  });
});

describe('snapshots stored before the rule', () => {
  it('still give a page, a well-formed feed and valid JSON', async () => {
    const id = randomUUID();
    await publishArticle(chief, id, { headline: 'Wird beschädigt' }, body('Sauber.'));
    // What an older server may have stored: controls and a lone surrogate in every field.
    const row = await serverRow<{ slug: string; snapshot: string }>(
      server,
      'SELECT slug, snapshot FROM published WHERE article_id = ?',
      id,
    );
    const s = JSON.parse(row.snapshot) as Record<string, unknown>;
    s.headline = 'Kaputt\u0000\u000b \udc00 Schlagzeile';
    s.teaser = 'Vorspann\u001b mit ESC';
    s.tags = ['Tag\u0001'];
    s.body = body('Text\u0000 mit \ud83d Rest');
    await serverExec(
      server,
      'UPDATE published SET snapshot = ? WHERE article_id = ?',
      JSON.stringify(s),
      id,
    );
    await expectPublicOutputValid(row.slug);
    const page = await http(`${server.url}/articles/${row.slug}`);
    expect(page.text).toContain('Kaputt  \ufffd Schlagzeile');
  });
});

describe('bidi overrides', () => {
  it('are flagged by the checklist: the publication is refused until they are gone', async () => {
    const id = randomUUID();
    const r = await chief.push([
      {
        name: 'article.create',
        args: {
          id,
          fields: completeFields({ headline: 'Preis \u202e001\u202c Euro' }),
          body: body('x'),
        },
      },
      { name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } },
    ]);
    expect(r.body.outcomes[0].status).toBe('applied');
    expect(r.body.outcomes[1].status).toBe('rejected');
    expect(JSON.stringify(r.body.outcomes[1])).toContain('bidi_override');
  });
});

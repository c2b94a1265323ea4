/**
 * The whole story: an editor and a desk chief, each with their own profile and
 * browser-mode window, against the real backend. The editor writes the fixture article with
 * an image whose IPTC credit is "LWL" and submits; the chief requests changes; the editor revises
 * and resubmits; the chief approves and publishes; the published page shows every field of the
 * fixture. Then the same workflow with the backend down for the editor's part.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot, type Started } from '../support/processes';
import { tempDir } from '../support/tmp';
import { fixtureArticle } from '../support/fixture-article';
import Database from 'better-sqlite3';
import { Client, body as apiBody, completeFields, login } from '../server/helpers';
import { type EditorHost, startEditorHost, waitSaved } from './editor-helpers';
import { restartableBackend, syncAll } from './restartable-backend';

const f = fixtureArticle();
const STICHWOERTER =
  'Stichwörter: Politik, citeq, Münster, Landschaftsverband Westfalen-Lippe (LWL), LWL.IT';

let tmp: ReturnType<typeof tempDir>;
let server: Started;
let serverArgs: string[];
let startBackend: () => Promise<Started>;
let editor: EditorHost;
let chief: EditorHost;

/** Everything the server database holds about one article. */
function articleState(dataDir: string, id: string): Record<string, unknown[]> {
  const db = new Database(join(dataDir, 'copydesk-server.db'), { readonly: true });
  try {
    const out: Record<string, unknown[]> = {};
    for (const [table, column] of [
      ['articles', 'id'],
      ['changes', 'entity_id'],
      ['revisions', 'article_id'],
      ['audit_events', 'entity_id'],
      ['published', 'article_id'],
    ] as const) {
      const has = db
        .prepare(`SELECT 1 FROM pragma_table_info('${table}') WHERE name = ?`)
        .get(column);
      out[table] = has ? db.prepare(`SELECT * FROM ${table} WHERE ${column} = ?`).all(id) : [];
    }
    return out;
  } finally {
    db.close();
  }
}

async function openFromList(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Articles' }).click();
  await page.getByRole('list', { name: 'Articles' }).getByText(name).first().click();
  await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
}

async function openInQueue(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Review' }).click();
  await page.getByRole('heading', { name: 'Review queue' }).waitFor();
  await page.getByRole('button', { name: title }).click();
  await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
}

const status = (page: Page) => page.getByTestId('workflow-status').textContent();

/** The editor writes the fixture article in the UI (headline with a typo to fix later). */
async function writeFixture(page: Page, headline: string): Promise<void> {
  await page.getByRole('button', { name: 'New article' }).click();
  await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
  await page.getByLabel('Kicker', { exact: true }).fill(f.kicker);
  await page.getByLabel('Headline', { exact: true }).fill(headline);
  await page.getByLabel('Teaser', { exact: true }).fill(f.teaser);
  await page.getByLabel('Byline', { exact: true }).fill(f.byline);
  await page
    .getByRole('combobox', { name: 'Section', exact: true })
    .selectOption({ label: 'Politik' });
  const tags = page.getByRole('combobox', { name: 'Tags', exact: true });
  for (const tag of f.tags) {
    await tags.fill(tag);
    await tags.press('Enter');
  }
  await expect.poll(() => page.locator('.tags__chip > span').allTextContents()).toEqual(f.tags);
  const links = page.getByRole('group', { name: 'Links', exact: true });
  for (const [i, link] of f.links.entries()) {
    await links.getByRole('button', { name: 'Add link' }).click();
    await links.getByLabel(`Link ${i + 1} address`).fill(link.url);
    await links.getByLabel(`Link ${i + 1} text`).fill(link.label);
  }
  await page.locator('[contenteditable="true"][data-ready="true"]').click();
  await page.keyboard.insertText(f.bodyText);

  // The lead image, imported on the spot: its IPTC credit "LWL" comes from the file.
  await page.getByRole('button', { name: 'Choose lead image' }).click();
  await page
    .getByRole('dialog', { name: 'Choose a lead image' })
    .getByTestId('article-image-file-input')
    .setInputFiles(join(repoRoot, 'resources', 'demo', 'lwl-kooperation.jpg'));
  await page
    .getByRole('dialog', { name: 'Choose a lead image' })
    .getByLabel('Alt text')
    .fill('Das Stadthaus in Münster', { timeout: 15_000 });
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.getByTestId('lead-image').locator('.lead-image__credit').textContent(), {
      timeout: 15_000,
    })
    .toBe('Bildquelle: LWL');
  await page
    .getByRole('textbox', { name: 'Lead image caption' })
    .fill('Stadt Münster und LWL arbeiten bei der IT zusammen.');
  await page.getByRole('textbox', { name: 'Lead image caption' }).blur();
  await waitSaved(page);
}

async function submit(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Submit for review' });
  await expect.poll(() => button.isEnabled(), { timeout: 10_000 }).toBe(true);
  await button.click();
  await expect.poll(() => status(page)).toBe('In review');
}

beforeAll(async () => {
  tmp = tempDir('copydesk-story-');
  const backend = await restartableBackend(tmp.dir);
  serverArgs = backend.args;
  startBackend = backend.start;
  server = await startBackend();
  editor = await startEditorHost();
  chief = await startEditorHost();
  await editor.call('sync.login', {
    serverUrl: server.url,
    username: 'editor',
    password: 'editor',
  });
  await chief.call('sync.login', { serverUrl: server.url, username: 'chief', password: 'chief' });
});
afterAll(async () => {
  await editor?.close();
  await chief?.close();
  await server?.stop();
  tmp?.cleanup();
});

describe('the whole story, editor and desk chief', () => {
  it('writes, reviews, revises, approves and publishes the fixture article; the page shows every field', async () => {
    const title = `${f.kicker} ${f.headline}`;
    // Editor: writes the article (with a typo in the headline) and submits it.
    const ed = await editor.open();
    await writeFixture(ed.page, 'IT-Kooperation beschlosen');
    await submit(ed.page);
    await syncAll(editor);

    // Chief: requests changes with a comment.
    await syncAll(chief);
    const ch = await chief.open();
    await openInQueue(ch.page, `${f.kicker} IT-Kooperation beschlosen`);
    await ch.page.getByLabel('Comment for the author').fill('Tippfehler in der Überschrift.');
    await ch.page.getByRole('button', { name: 'Request changes' }).click();
    await expect.poll(() => status(ch.page)).toBe('Draft');
    await syncAll(chief);

    // Editor: gets it back, fixes the headline, resubmits.
    await syncAll(editor);
    await openFromList(ed.page, 'IT-Kooperation beschlosen');
    await expect.poll(() => status(ed.page), { timeout: 10_000 }).toBe('Draft');
    await ed.page.getByLabel('Headline', { exact: true }).fill(f.headline);
    await waitSaved(ed.page);
    await submit(ed.page);
    await syncAll(editor);

    // Chief: approves and publishes (server-side steps).
    await syncAll(chief);
    await openInQueue(ch.page, title);
    await ch.page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => status(ch.page), { timeout: 15_000 }).toBe('Approved');
    await ch.page.getByRole('button', { name: 'Publish', exact: true }).click();
    await ch.page.getByRole('dialog').getByRole('button', { name: 'Publish now' }).click();
    await expect.poll(() => status(ch.page), { timeout: 15_000 }).toBe('Published');
    expect(ed.errors).toEqual([]);
    expect(ch.errors).toEqual([]);

    // The backend's page shows every field of the fixture.
    const published = (await (await fetch(`${server.url}/api/v1/published`)).json()) as {
      items: { slug: string; headline: string }[];
    };
    const slug = published.items.find((i) => i.headline === f.headline)!.slug;
    const site = await editor.browser.newPage();
    const response = await site.goto(`${server.url}/articles/${slug}`);
    expect(response!.status()).toBe(200);
    const text = await site.locator('body').innerText();
    expect(text).toContain(f.kicker);
    expect(text).toContain(f.headline);
    expect(text).toMatch(/\[\d{2}\.\d{2}\.\d{4}\]/);
    expect(text).toContain(f.teaser);
    expect(text).toContain(f.bodyText);
    expect(text).toContain('(bs)');
    expect(text).toContain(STICHWOERTER);
    expect(text).toContain('Bildquelle: LWL');
    expect(text).toContain('Weitere Meldungen und Beiträge aus dem Bereich Politik');
    for (const link of f.links)
      expect(await site.locator(`a[href="${link.url}/"], a[href="${link.url}"]`).count()).toBe(1);
    // The image is on the page and its file loads.
    const img = site.locator('figure img').first();
    await img.waitFor();
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(
      true,
    );
    await site.close();
    await ed.page.close();
    await ch.page.close();
  });

  it("refuses an editor's approve through the API and changes nothing", async () => {
    const url = server.url;
    const ed = new Client(url, await login(url, 'editor'));
    const id = crypto.randomUUID();
    await ed.push([
      { name: 'article.create', args: { id, fields: completeFields(), body: apiBody('Text.') } },
    ]);
    await ed.push([{ name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } }]);
    const dataDir = serverArgs[1]!;
    const before = articleState(dataDir, id);
    const r = await ed.push([
      { name: 'article.transition', args: { id, from: 'in_review', to: 'approved' } },
    ]);
    const outcome = (r.body as { outcomes: { status: string; reason?: string }[] }).outcomes[0]!;
    expect(outcome.status).toBe('rejected');
    expect(outcome.reason).toMatch(/permission/i);
    // The article, its change feed, revisions and audit trail are exactly as before.
    expect(articleState(dataDir, id)).toEqual(before);
    expect(JSON.stringify(before)).toContain('in_review');
  });
});

describe('offline story', () => {
  it('queues the editor’s work while the backend is down; after it returns the chief approves and publishes', async () => {
    await server.stop();
    const ed = await editor.open();
    await writeFixture(ed.page, 'Offline geschrieben');
    await submit(ed.page);
    const waiting = await editor.call('sync.now', {});
    expect(waiting.pending).toBeGreaterThan(0);
    expect(waiting.state === 'offline' || waiting.state === 'error').toBe(true);
    expect(
      (await editor.call('articles.list', {})).items.find(
        (a) => a.headline === 'Offline geschrieben',
      )?.status,
    ).toBe('in_review');

    // The chief's queue does not show it yet.
    await chief.call('sync.now', {});
    const queueBefore = await chief.call('articles.reviewQueue', {});
    expect(JSON.stringify(queueBefore)).not.toContain('Offline geschrieben');

    // The backend comes back: the submission arrives, the chief approves and publishes.
    server = await startBackend();
    await syncAll(editor);
    await syncAll(chief);
    const ch = await chief.open();
    await openInQueue(ch.page, `${f.kicker} Offline geschrieben`);
    await ch.page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => status(ch.page), { timeout: 15_000 }).toBe('Approved');
    await ch.page.getByRole('button', { name: 'Publish', exact: true }).click();
    await ch.page.getByRole('dialog').getByRole('button', { name: 'Publish now' }).click();
    await expect.poll(() => status(ch.page), { timeout: 15_000 }).toBe('Published');
    const published = (await (await fetch(`${server.url}/api/v1/published`)).json()) as {
      items: { headline: string }[];
    };
    expect(published.items.map((i) => i.headline)).toContain('Offline geschrieben');
    await ed.page.close();
    await ch.page.close();
  });
});

/**
 * The desk chief's side against the real backend: the review queue (in-review articles, oldest
 * first, with who submitted it and when, section and word count), request changes (a comment is required), approve
 * and publish (server-side steps), the timeline with server history, and the clear message when
 * a server-side step is tried without a connection.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer } from '../sync/support/harness';
import { Client, body, completeFields, http, login } from '../server/helpers';
import type { Started } from '../support/processes';
import { tempDir } from '../support/tmp';
import { type EditorHost, startEditorHost } from './editor-helpers';

let h: EditorHost;
let server: Started;
let tmp: ReturnType<typeof tempDir>;
const ids = { a: randomUUID(), b: randomUUID(), c: randomUUID() };
const texts = {
  a: 'Eins zwei drei vier fünf.',
  b: 'Die Stadt Münster und der LWL arbeiten zusammen an der IT.',
  c: 'Kurz.',
};

async function push(c: Client, ms: { name: string; args: unknown }[]): Promise<void> {
  const r = await c.push(ms);
  const outcomes = (r.body as { outcomes: { status: string; reason?: string }[] }).outcomes;
  expect(outcomes.map((o) => o.reason ?? o.status)).toEqual(ms.map(() => 'applied'));
}

async function syncChief(): Promise<void> {
  await h.call('sync.now', {});
}

async function openQueue(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Review' }).click();
  await page.getByRole('heading', { name: 'Review queue' }).waitFor();
}

beforeAll(async () => {
  tmp = tempDir('copydesk-review-');
  server = await startServer(`${tmp.dir}/server`);
  h = await startEditorHost();
  // The editor writes three articles (a is the oldest) and submits them, b first.
  const editor = new Client(server.url, await login(server.url, 'editor'));
  for (const [key, byline] of [
    ['a', 'ab'],
    ['b', 'bs'],
    ['c', 'cd'],
  ] as const) {
    await push(editor, [
      {
        name: 'article.create',
        args: {
          id: ids[key],
          fields: completeFields({ headline: `Artikel ${key.toUpperCase()}`, byline }),
          body: body(texts[key]),
        },
      },
    ]);
  }
  for (const key of ['b', 'a', 'c'] as const) {
    await push(editor, [
      { name: 'article.transition', args: { id: ids[key], from: 'draft', to: 'in_review' } },
    ]);
  }
  await h.call('sync.login', { serverUrl: server.url, username: 'chief', password: 'chief' });
  await syncChief();
});
afterAll(async () => {
  await h?.close();
  await server?.stop();
  tmp?.cleanup();
});

describe('review queue (desk chief, real backend)', () => {
  it('lists articles in review oldest first with author, section and word count', async () => {
    const { page, errors } = await h.open();
    await openQueue(page);
    const rows = page.getByTestId('review-queue-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())),
    );
    // Oldest submission first (B was submitted before A), by the submitter's display name (the
    // demo editor is Anna Berg).
    expect(cells.map((c) => [c[0], c[1], ...c.slice(3)])).toEqual([
      ['Münster/LWL: Artikel B', 'Anna Berg', 'Politik', '11', 'Complete'],
      ['Münster/LWL: Artikel A', 'Anna Berg', 'Politik', '5', 'Complete'],
      ['Münster/LWL: Artikel C', 'Anna Berg', 'Politik', '1', 'Complete'],
    ]);
    // The submission time from the server, shown in the UI language.
    const times = await rows
      .locator('time')
      .evaluateAll((els) =>
        els.map((el) => ({ at: el.getAttribute('datetime') ?? '', text: el.textContent ?? '' })),
      );
    expect(times).toHaveLength(3);
    expect(times.map((x) => x.at)).toEqual(times.map((x) => x.at).sort());
    for (const { at, text } of times) {
      expect(Date.now() - Date.parse(at)).toBeLessThan(10 * 60_000);
      expect(text).toContain(String(new Date(at).getFullYear()));
      expect(text).toMatch(/\d:\d\d\s?[AP]M/);
    }
    const shots = process.env.COPYDESK_SCREENSHOTS;
    if (shots) await page.screenshot({ path: join(shots, 'review-queue-names.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('requires a comment to request changes, and the timeline shows it from the server', async () => {
    const { page, errors } = await h.open();
    await openQueue(page);
    await page.getByRole('button', { name: 'Münster/LWL: Artikel A' }).click();
    await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
    const request = page.getByRole('button', { name: 'Request changes' });
    expect(await request.isDisabled()).toBe(true);
    const hint = page.getByText('A comment is required to request changes.');
    expect(await hint.count()).toBe(1);
    expect(await request.getAttribute('aria-describedby')).toBe(await hint.getAttribute('id'));
    await page.getByLabel('Comment for the author').fill('   ');
    expect(await request.isDisabled()).toBe(true);
    await page.getByLabel('Comment for the author').fill('Bitte die Quelle nennen.');
    expect(await request.isDisabled()).toBe(false);
    await request.click();
    await expect.poll(() => page.getByTestId('workflow-status').textContent()).toBe('Draft');

    await page.getByRole('button', { name: 'Timeline' }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect.poll(() => timeline.textContent()).toMatch(/requested changes/);
    // After sync the step comes from the server, with the display name and the comment.
    await syncChief();
    await page.getByRole('button', { name: 'Timeline' }).click();
    await page.getByRole('button', { name: 'Timeline' }).click();
    await expect
      .poll(() => timeline.textContent(), { timeout: 15_000 })
      .toMatch(
        /Anna Berg submitted for review.*Miriam Krause requested changes.*Bitte die Quelle nennen\./,
      );
    expect(await timeline.textContent()).not.toMatch(/waiting for sync/);

    // The queue no longer lists it.
    await openQueue(page);
    await expect.poll(() => page.getByTestId('review-queue-row').count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('approves and publishes on the server; published articles offer unpublish and correct', async () => {
    const { page, errors } = await h.open();
    await openQueue(page);
    await page.getByRole('button', { name: 'Münster/LWL: Artikel B' }).click();
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect
      .poll(() => page.getByTestId('workflow-status').textContent(), { timeout: 15_000 })
      .toBe('Approved');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    // Publishing asks first, with a summary of what goes out.
    const confirmPublish = page.getByRole('dialog', { name: 'Publish this article?' });
    expect(await confirmPublish.textContent()).toContain('Artikel B');
    await confirmPublish.getByRole('button', { name: 'Publish now' }).click();
    await expect
      .poll(() => page.getByTestId('workflow-status').textContent(), { timeout: 15_000 })
      .toBe('Published');
    expect(await page.getByRole('button', { name: 'Unpublish' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Publish correction' }).count()).toBe(1);
    const published = await http(`${server.url}/api/v1/published`);
    const items = (published.body as { items: { headline: string; slug: string }[] }).items;
    const item = items.find((i) => i.headline === 'Artikel B');
    expect(item).toBeDefined();

    // The preview shows the article exactly as the site's page does (same template, same body
    // renderer): compare the text of the story on both.
    await page.getByRole('button', { name: 'Preview' }).click();
    const frame = page.frameLocator('[data-testid="preview-frame"]');
    const previewText = await frame.locator('article.story').innerText();
    const site = await h.browser.newPage();
    await site.goto(`${server.url}/articles/${item!.slug}`);
    const siteText = await site.locator('article.story').innerText();
    await site.close();
    expect(previewText).toBe(siteText);
    expect(previewText).toContain('Stichwörter: Politik, citeq');

    // A correction republishes; unpublishing takes the page down and offers Publish again.
    await page.getByRole('button', { name: 'Publish correction' }).click();
    await page
      .getByRole('dialog', { name: 'Publish the correction?' })
      .getByRole('button', { name: 'Publish correction' })
      .click();
    await expect
      .poll(() => page.getByText('Correction published.').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await page.getByTestId('workflow-status').textContent()).toBe('Published');
    await page.getByRole('button', { name: 'Unpublish' }).click();
    await page
      .getByRole('dialog', { name: 'Unpublish this article?' })
      .getByRole('button', { name: 'Unpublish' })
      .click();
    await expect
      .poll(() => page.getByTestId('workflow-status').textContent(), { timeout: 15_000 })
      .toBe('Unpublished');
    expect((await http(`${server.url}/articles/${item!.slug}`)).status).toBe(410);
    expect(await page.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows submissions from other desks by itself: no refresh button to press', async () => {
    const { page, errors } = await h.open();
    await openQueue(page);
    const rows = page.getByTestId('review-queue-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const before = await rows.count();
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    // The editor submits one more on their desk; the chief's open queue shows it unasked.
    const editor = new Client(server.url, await login(server.url, 'editor'));
    const id = randomUUID();
    await push(editor, [
      {
        name: 'article.create',
        args: { id, fields: completeFields({ headline: 'Artikel D' }), body: body('Neu.') },
      },
    ]);
    await push(editor, [
      { name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } },
    ]);
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(before + 1);
    expect(await rows.last().textContent()).toContain('Artikel D');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says that approving needs a connection to the server when it is down', async () => {
    await server.stop();
    const { page } = await h.open();
    await openQueue(page);
    await page.getByRole('button', { name: 'Münster/LWL: Artikel C' }).click();
    await page.getByRole('button', { name: 'Approve' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'needs a connection' });
    await expect
      .poll(() => alert.textContent(), { timeout: 20_000 })
      .toBe(
        'Approve needs a connection to the server. Sign in and check the connection, then try again.',
      );
    expect(await page.getByTestId('workflow-status').textContent()).toBe('In review');
    expect((await h.call('articles.get', { id: ids.c })).status).toBe('in_review');
    await page.close();
  });
});

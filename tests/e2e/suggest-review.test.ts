/* eslint-disable @typescript-eslint/no-unsafe-call -- pushed outcomes are `any`; the assertions check them */
/**
 * Accepting and rejecting suggestions in the desk against the real backend. The author's article
 * holds suggestions by two people (saved through the api); the author opens it, sees the
 * Suggestions list with their names, accepts one, rejects another, and Ctrl+Z brings the
 * rejected one back; after sync the timeline shows the decisions as the server recorded them.
 * A desk chief publishing an approved article with open suggestions is warned in the
 * confirmation. axe on the list in both themes and languages. With COPYDESK_SCREENSHOTS set,
 * the list is saved in light and dark, English and German, and the timeline (timeline-names.png).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCHEMA_VERSION } from '../../src-shared/protocol';
import { body, paragraph, suggestion, text } from '../../src-shared/richtext/builders';
import { listSuggestions } from '../../src-shared/richtext/suggestions';
import { startServer } from '../sync/support/harness';
import { Client, completeFields, login } from '../server/helpers';
import type { Started } from '../support/processes';
import { tempDir } from '../support/tmp';
import { audit } from './axe-helpers';
import { type EditorHost, startEditorHost, waitSaved } from './editor-helpers';

const shots = process.env.COPYDESK_SCREENSHOTS;
let author: EditorHost;
let desk: EditorHost;
let server: Started;
let tmp: ReturnType<typeof tempDir>;
const ids = { draft: randomUUID(), approved: randomUUID() };

const at = '2026-12-03T05:10:00.000Z';
/** Suggestions by the chief (two) and by Jonas (one paragraph). */
const suggested = () =>
  body(
    paragraph(
      [
        text('Der Rat '),
        suggestion('tagte', { kind: 'delete', author: 'chief', id: 'sg-del', at }),
        suggestion('beschloss', { kind: 'insert', author: 'chief', id: 'sg-ins', at }),
        text(' gestern den Haushalt.'),
      ],
      `p1${randomUUID().slice(0, 8)}`,
    ),
    paragraph(
      [
        suggestion('Die Opposition stimmte dagegen.', {
          kind: 'insert',
          author: 'jonas',
          id: 'sg-jonas',
          at,
        }),
      ],
      `p2${randomUUID().slice(0, 8)}`,
    ),
    paragraph([text('Die Sitzung endete um 22 Uhr.')], `p3${randomUUID().slice(0, 8)}`),
  );

const list = (page: Page) => page.getByTestId('suggestion-list');
const bodyText = (page: Page) =>
  page.locator('[contenteditable="true"][data-ready="true"]').innerText();

async function openOn(h: EditorHost, id: string, lang: 'en' | 'de' = 'en') {
  const app = await h.open({ locale: lang === 'de' ? 'de-DE' : 'en-US', hash: `#article=${id}` });
  await app.page.setViewportSize({ width: 1280, height: 860 });
  await app.page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
  return app;
}

beforeAll(async () => {
  tmp = tempDir('copydesk-suggest-review-');
  server = await startServer(`${tmp.dir}/server`);
  const editor = new Client(server.url, await login(server.url, 'editor'));
  editor.schemaVersion = SCHEMA_VERSION;
  const chief = new Client(server.url, await login(server.url, 'chief'));
  chief.schemaVersion = SCHEMA_VERSION;
  const mine = await editor.push([
    {
      name: 'article.create',
      args: { id: ids.draft, fields: completeFields(), body: suggested() },
    },
  ]);
  expect(mine.body.outcomes.map((o: { status: string }) => o.status)).toEqual(['applied']);
  const approved = await chief.push([
    {
      name: 'article.create',
      args: {
        id: ids.approved,
        fields: completeFields({ headline: 'Haushalt mit Vorschlägen' }),
        body: suggested(),
      },
    },
    { name: 'article.transition', args: { id: ids.approved, from: 'draft', to: 'in_review' } },
    { name: 'article.transition', args: { id: ids.approved, from: 'in_review', to: 'approved' } },
  ]);
  expect(approved.body.outcomes.map((o: { status: string }) => o.status)).toEqual(
    Array(3).fill('applied'),
  );
  author = await startEditorHost();
  await author.call('sync.login', {
    serverUrl: server.url,
    username: 'editor',
    password: 'editor',
  });
  await author.call('sync.now', {});
  desk = await startEditorHost();
  await desk.call('sync.login', { serverUrl: server.url, username: 'chief', password: 'chief' });
  await desk.call('sync.now', {});
});
afterAll(async () => {
  await author?.close();
  await desk?.close();
  await server?.stop();
  tmp?.cleanup();
});

describe('accept and reject suggestions (author desk, real backend)', () => {
  it('lists them with names; accept one, reject another, Ctrl+Z brings it back; the timeline records both', async () => {
    const { page, errors } = await openOn(author, ids.draft);
    await expect.poll(() => list(page).textContent(), { timeout: 15_000 }).toMatch(/3 open/);
    const text = (await list(page).textContent()) ?? '';
    // The display name where the newsroom has one (the demo's chief), else the user name.
    await expect.poll(() => list(page).textContent()).toContain('Miriam Krause');
    expect(text).toContain('jonas');
    expect(text).toMatch(/removed.*tagte/s);
    expect(text).toMatch(/added.*beschloss/s);
    // The checklist counts the same open suggestions.
    await expect
      .poll(() => page.locator('[data-code="open_suggestions"]').textContent())
      .toMatch(/^3 open suggestions/);

    // Clicking an item selects its text in the body.
    await list(page).locator('[data-suggestion-id="sg-ins"] .suggestion-card__show').click();
    await expect
      .poll(() => page.evaluate(() => window.getSelection()?.toString()))
      .toBe('beschloss');

    await list(page).getByRole('button', { name: 'Accept: beschloss' }).click();
    await expect.poll(() => bodyText(page)).toMatch(/Der Rat tagtebeschloss gestern/);
    await list(page)
      .getByRole('button', { name: 'Reject: Die Opposition stimmte dagegen.' })
      .click();
    await expect.poll(() => bodyText(page)).not.toMatch(/Opposition/);
    await expect.poll(() => list(page).textContent()).toMatch(/1 open/);
    expect(await list(page).textContent()).not.toContain('jonas');

    // One undo step brings the rejected suggestion back as a suggestion.
    await page.locator('[contenteditable="true"][data-ready="true"]').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => list(page).textContent()).toMatch(/2 open/);
    expect(await list(page).textContent()).toContain('jonas');
    expect(await bodyText(page)).toMatch(/Opposition stimmte dagegen/);
    await waitSaved(page);
    const stored = await author.call('articles.get', { id: ids.draft });
    expect(listSuggestions(stored.body).map((s) => s.id)).toEqual(['sg-del', 'sg-jonas']);

    await author.call('sync.now', {});
    await page.getByRole('button', { name: 'Timeline' }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect
      .poll(() => timeline.textContent(), { timeout: 15_000 })
      .toMatch(/Anna Berg accepted 1 suggestion from Miriam Krause/);
    // By display name where the newsroom has one (jonas has none); the username on hover.
    expect(await timeline.textContent()).toMatch(/Anna Berg rejected 1 suggestion from jonas/);
    expect(await timeline.locator('strong[title="editor"]').first().textContent()).toBe(
      'Anna Berg',
    );
    expect(await timeline.textContent()).toContain('Die Opposition stimmte dagegen.');
    expect(await timeline.textContent()).not.toMatch(/waiting for sync/);
    if (shots) await timeline.screenshot({ path: join(shots, 'timeline-names.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('warns in the publish confirmation of the open suggestions', async () => {
    const { page, errors } = await openOn(desk, ids.approved);
    await expect.poll(() => list(page).textContent(), { timeout: 15_000 }).toMatch(/3 open/);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.getByTestId('confirm-open-suggestions').textContent())
      .toBe('3 open suggestions will not be published.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('passes axe with the list in both themes and languages', async () => {
    const found: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      for (const lang of ['en', 'de'] as const) {
        await desk.call('settings.update', { theme });
        const { page } = await openOn(desk, ids.approved, lang);
        await list(page).waitFor({ timeout: 15_000 });
        found.push(...(await audit(page, `suggestions ${theme} ${lang}`)));
        if (shots) {
          await page
            .locator('.details')
            .screenshot({ path: join(shots, `suggestions-${theme}-${lang}.png`) });
        }
        await page.close();
      }
    }
    await desk.call('settings.update', { theme: 'system' });
    expect(found).toEqual([]);
  });
});

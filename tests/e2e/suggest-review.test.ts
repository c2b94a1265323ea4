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
import { listSuggestions, withSuggestionsRejected } from '../../src-shared/richtext/suggestions';
import { startServer } from '../sync/support/harness';
import { Client, completeFields, http, login } from '../server/helpers';
import type { Started } from '../support/processes';
import { tempDir } from '../support/tmp';
import { audit } from './axe-helpers';
import { type EditorHost, startEditorHost, waitSaved } from './editor-helpers';

const shots = process.env.COPYDESK_SCREENSHOTS;
let author: EditorHost;
let desk: EditorHost;
let server: Started;
let tmp: ReturnType<typeof tempDir>;
const ids = { draft: randomUUID(), approved: randomUUID(), fields: randomUUID() };

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

/** A push as a current desk sends it (schemaVersion: it reads suggestion marks). */
async function push(c: Client, mutations: { name: string; args: unknown }[]) {
  const ms = mutations.map((m, i) => ({ id: c.next + i, ...m }));
  c.next += mutations.length;
  const r = await http(`${c.url}/api/v1/sync/push`, {
    token: c.token,
    json: {
      protocolVersion: 1,
      schemaVersion: SCHEMA_VERSION,
      clientId: c.clientId,
      mutations: ms,
    },
  });
  return (r.body as { outcomes: { status: string }[] }).outcomes.map((o) => o.status);
}

async function bodyVersionOf(c: Client, id: string): Promise<number> {
  const reader = new Client(c.url, c.token);
  reader.schemaVersion = SCHEMA_VERSION;
  const pages = await reader.pullAll(1000);
  const data = pages
    .flatMap((p: { changes: { id: string; data: { bodyVersion: number } }[] }) => p.changes)
    .filter((ch: { id: string }) => ch.id === id)
    .at(-1)?.data;
  return data!.bodyVersion;
}

/**
 * The fixture as its people made it (the server takes suggestions only in the pusher's name):
 * the chief adds his two to `start`, then Jonas (a desk chief here) adds his paragraph.
 */
async function suggestOn(
  id: string,
  full: ReturnType<typeof suggested>,
  chief: Client,
  jonas: Client,
) {
  const chiefs = structuredClone(full);
  chiefs.root.children.splice(1, 1);
  const setBody = async (c: Client, b: unknown) =>
    push(c, [
      {
        name: 'article.setBody',
        args: { id, baseBodyVersion: await bodyVersionOf(c, id), body: b },
      },
    ]);
  expect(await setBody(chief, chiefs)).toEqual(['applied']);
  expect(await setBody(jonas, full)).toEqual(['applied']);
}

beforeAll(async () => {
  tmp = tempDir('copydesk-suggest-review-');
  server = await startServer(`${tmp.dir}/server`);
  const editor = new Client(server.url, await login(server.url, 'editor'));
  const chief = new Client(server.url, await login(server.url, 'chief'));
  const admin = await login(server.url, 'admin');
  const created = await http(`${server.url}/api/v1/users`, {
    token: admin,
    json: { username: 'jonas', password: 'jonas-password', role: 'desk_chief' },
  });
  expect(created.status).toBeLessThan(300);
  const jonas = new Client(server.url, await login(server.url, 'jonas', 'jonas-password'));
  const draft = suggested();
  expect(
    await push(editor, [
      {
        name: 'article.create',
        args: { id: ids.draft, fields: completeFields(), body: withSuggestionsRejected(draft) },
      },
    ]),
  ).toEqual(['applied']);
  await suggestOn(ids.draft, draft, chief, jonas);
  const approved = suggested();
  expect(
    await push(chief, [
      {
        name: 'article.create',
        args: {
          id: ids.approved,
          fields: completeFields({ headline: 'Haushalt mit Vorschlägen' }),
          body: withSuggestionsRejected(approved),
        },
      },
      { name: 'article.transition', args: { id: ids.approved, from: 'draft', to: 'in_review' } },
      { name: 'article.transition', args: { id: ids.approved, from: 'in_review', to: 'approved' } },
    ]),
  ).toEqual(Array(3).fill('applied'));
  await suggestOn(ids.approved, approved, chief, jonas);
  expect(
    await push(editor, [
      {
        name: 'article.create',
        args: { id: ids.fields, fields: completeFields({ headline: 'Rat tagt' }) },
      },
    ]),
  ).toEqual(['applied']);
  expect(
    await push(chief, [
      {
        name: 'article.suggestField',
        args: {
          id: ids.fields,
          suggestion: {
            id: randomUUID(),
            field: 'headline',
            value: 'Rat beschließt Haushalt',
            author: 'chief',
            at,
          },
        },
      },
    ]),
  ).toEqual(['applied']);
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
    // The Ctrl+Z is on record too: the rejection does not stand.
    expect(await timeline.textContent()).toMatch(
      /Anna Berg undid rejecting 1 suggestion from jonas/,
    );
    expect(await timeline.locator('strong[title="editor"]').first().textContent()).toBe(
      'Anna Berg',
    );
    expect(await timeline.textContent()).toContain('Die Opposition stimmte dagegen.');
    expect(await timeline.textContent()).not.toMatch(/waiting for sync/);
    if (shots) await timeline.screenshot({ path: join(shots, 'timeline-names.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('replies to a suggestion with a review comment on its paragraph, which the chief receives', async () => {
    const { page, errors } = await openOn(author, ids.draft);
    // The draft names the author as the list does; wait for the newsroom's names to arrive.
    await expect.poll(() => list(page).textContent()).toContain('Miriam Krause');
    await list(page).getByRole('button', { name: 'Reply to: tagte' }).click();
    const box = page.getByRole('textbox', { name: 'Comment' });
    await expect
      .poll(() => box.inputValue())
      .toBe('Re Miriam Krause’s suggestion, removed “tagte”: ');
    // The form is anchored to the suggestion's paragraph and the cursor waits after the quote.
    expect(
      await page.getByRole('checkbox', { name: 'Anchor to current paragraph' }).isChecked(),
    ).toBe(true);
    const chosen = page.getByRole('combobox', { name: 'Paragraph' });
    expect(await chosen.locator('option:checked').textContent()).toMatch(/^Der Rat tagte/);
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Bitte so lassen, der Rat hat nur getagt.');
    await page.getByRole('button', { name: 'Add comment' }).click();
    const added = page.getByTestId('comment').filter({ hasText: 'Bitte so lassen' });
    await expect.poll(() => added.textContent()).toMatch(/on “Der Rat tagte/);
    expect(await box.inputValue()).toBe('');

    const stored = await author.call('articles.get', { id: ids.draft });
    const firstBlock = (stored.body.root.children[0] as { $?: { blockId?: string } }).$?.blockId;
    expect(firstBlock).toMatch(/^p1/);
    await author.call('sync.now', {});
    await desk.call('sync.now', {});
    const onChief = await desk.call('comments.list', { articleId: ids.draft });
    const reply = onChief.items.find((c) => c.text.includes('Bitte so lassen'));
    expect(reply?.text).toBe(
      'Re Miriam Krause’s suggestion, removed “tagte”: Bitte so lassen, der Rat hat nur getagt.',
    );
    expect(reply?.blockId).toBe(firstBlock);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('undoes an accepted headline suggestion (Undo, then Ctrl+Z): field and suggestion are back', async () => {
    const { page, errors } = await openOn(author, ids.fields);
    const headline = page.locator('textarea[name="headline"]');
    const suggestions = page.getByTestId('field-suggestion');
    const notice = page.getByTestId('field-decision');
    const accept = page.getByRole('button', { name: /^Accept the Headline suggested by/ });
    await expect.poll(() => suggestions.count(), { timeout: 15_000 }).toBe(1);
    expect(await headline.inputValue()).toBe('Rat tagt');

    await accept.click();
    await expect.poll(() => headline.inputValue()).toBe('Rat beschließt Haushalt');
    await expect.poll(() => suggestions.count()).toBe(0);
    await expect.poll(() => notice.textContent()).toMatch(/Accepted the Headline suggested by/);
    expect(await audit(page, 'field decision notice')).toEqual([]);
    if (shots)
      await page.locator('.canvas').screenshot({ path: join(shots, 'field-decision-undo.png') });
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => headline.inputValue()).toBe('Rat tagt');
    await expect.poll(() => suggestions.count()).toBe(1);
    expect(await notice.count()).toBe(0);
    const reopened = await author.call('articles.get', { id: ids.fields });
    expect(reopened.headline).toBe('Rat tagt');
    expect(reopened.fieldSuggestions?.map((f) => f.value)).toEqual(['Rat beschließt Haushalt']);

    // Right after deciding, Ctrl+Z (focus on no text field) undoes the decision as well.
    await accept.click();
    await expect.poll(() => headline.inputValue()).toBe('Rat beschließt Haushalt');
    await notice.waitFor();
    await page.keyboard.press('Control+z');
    await expect.poll(() => headline.inputValue()).toBe('Rat tagt');
    await expect.poll(() => suggestions.count()).toBe(1);
    // Ctrl+Z in a text field stays the field's own undo: it does not reopen anything.
    await accept.click();
    await expect.poll(() => headline.inputValue()).toBe('Rat beschließt Haushalt');
    await headline.focus();
    await page.keyboard.press('Control+z');
    expect(await suggestions.count()).toBe(0);
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => headline.inputValue()).toBe('Rat tagt');

    await author.call('sync.now', {});
    await page.getByRole('button', { name: 'Timeline' }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect
      .poll(() => timeline.textContent(), { timeout: 15_000 })
      .toMatch(/Anna Berg undid accepting 1 suggestion from Miriam Krause/);
    const stored = await author.call('articles.get', { id: ids.fields });
    expect(stored.headline).toBe('Rat tagt');
    expect(stored.fieldSuggestions).toHaveLength(1);
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

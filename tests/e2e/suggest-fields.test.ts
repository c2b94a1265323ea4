/**
 * Issue #17, fields in the UI: the desk chief, in suggestion mode, changes the headline; the
 * headline keeps its text and the chief's suggestion shows under it. After sync the author's desk
 * shows it with the chief's name, live, and Reject removes it; Accept of another puts its value
 * into the open field. With COPYDESK_SCREENSHOTS set, both
 * desks are saved as PNGs.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer } from '../sync/support/harness';
import type { Started } from '../support/processes';
import { tempDir } from '../support/tmp';
import { type EditorHost, openArticle, startEditorHost } from './editor-helpers';

const shots = process.env.COPYDESK_SCREENSHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`) });
}

let tmp: ReturnType<typeof tempDir>;
let server: Started;
let chiefDesk: EditorHost;
let authorDesk: EditorHost;

beforeAll(async () => {
  tmp = tempDir('copydesk-suggest-fields-');
  server = await startServer(`${tmp.dir}/server`);
  chiefDesk = await startEditorHost();
  authorDesk = await startEditorHost();
  await chiefDesk.call('sync.login', {
    serverUrl: server.url,
    username: 'chief',
    password: 'chief',
  });
  await authorDesk.call('sync.login', {
    serverUrl: server.url,
    username: 'editor',
    password: 'editor',
  });
});
afterAll(async () => {
  await chiefDesk?.close();
  await authorDesk?.close();
  await server?.stop();
  tmp?.cleanup();
});

it('a headline suggested in suggestion mode leaves the headline, shows on the author desk and is rejected', async () => {
  const a = await authorDesk.call('articles.create', {
    fields: { kicker: 'Münster:', headline: 'Rat tagt', teaser: 'Der Rat kommt zusammen.' },
  });
  await authorDesk.call('sync.now', {});
  await chiefDesk.call('sync.now', {});

  // The chief's desk, in suggestion mode (what the toolbar toggle sets), changes the headline.
  const chief = await openArticle(chiefDesk, a.id);
  await chief.page.evaluate(
    (id) =>
      (
        window as unknown as { __copydeskSuggestMode: (id: string, on: boolean) => void }
      ).__copydeskSuggestMode(id, true),
    a.id,
  );
  const headline = chief.page.getByLabel('Headline', { exact: true });
  await headline.fill('Rat beschließt neuen Haushalt');
  await chief.page.getByLabel('Teaser', { exact: true }).focus(); // leaving the field saves at once
  const suggestion = chief.page.getByTestId('field-suggestion');
  await expect.poll(() => suggestion.count(), { timeout: 10_000 }).toBe(1);
  await expect.poll(() => headline.inputValue(), { timeout: 10_000 }).toBe('Rat tagt');
  expect(await suggestion.textContent()).toContain('beschließt neuen Haushalt');
  await expect.poll(() => suggestion.textContent()).toContain('Miriam Krause');
  await shot(chief.page, 'suggest-fields-chief');
  const stored = await chiefDesk.call('articles.get', { id: a.id });
  expect(stored.headline).toBe('Rat tagt');
  expect(stored.fieldSuggestions).toMatchObject([
    { field: 'headline', value: 'Rat beschließt neuen Haushalt', author: 'chief' },
  ]);

  // The author's desk has the article open; the suggestion arrives with a sync, no reload.
  const author = await openArticle(authorDesk, a.id);
  await chiefDesk.call('sync.now', {});
  await authorDesk.call('sync.now', {});
  const onAuthor = author.page.getByTestId('field-suggestion');
  await expect.poll(() => onAuthor.count(), { timeout: 10_000 }).toBe(1);
  await expect.poll(() => onAuthor.textContent()).toContain('Miriam Krause');
  expect(await author.page.getByLabel('Headline', { exact: true }).inputValue()).toBe('Rat tagt');
  await shot(author.page, 'suggest-fields-author');

  await author.page
    .getByRole('button', { name: 'Reject the Headline suggested by Miriam Krause' })
    .click();
  await expect.poll(() => onAuthor.count(), { timeout: 10_000 }).toBe(0);
  const after = await authorDesk.call('articles.get', { id: a.id });
  expect(after.headline).toBe('Rat tagt');
  expect(after.fieldSuggestions).toEqual([]);

  // Accepting another puts its value into the open field at once, and stores it.
  await chiefDesk.call('articles.suggestField', {
    id: a.id,
    field: 'teaser',
    value: 'Der Rat beschließt den Haushalt.',
  });
  await chiefDesk.call('sync.now', {});
  await authorDesk.call('sync.now', {});
  await expect.poll(() => onAuthor.count(), { timeout: 10_000 }).toBe(1);
  await author.page
    .getByRole('button', { name: 'Accept the Teaser suggested by Miriam Krause' })
    .click();
  const teaser = author.page.getByLabel('Teaser', { exact: true });
  await expect
    .poll(() => teaser.inputValue(), { timeout: 10_000 })
    .toBe('Der Rat beschließt den Haushalt.');
  await expect.poll(() => onAuthor.count(), { timeout: 10_000 }).toBe(0);
  const accepted = await authorDesk.call('articles.get', { id: a.id });
  expect(accepted.teaser).toBe('Der Rat beschließt den Haushalt.');
  expect(accepted.fieldSuggestions).toEqual([]);
  expect(author.errors).toEqual([]);
  expect(chief.errors).toEqual([]);
});

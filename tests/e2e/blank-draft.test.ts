/**
 * A stray "New article" leaves nothing behind: a draft never typed into is dropped when the
 * user moves on; one with text stays.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type EditorHost, startEditorHost, waitSaved } from './editor-helpers';

let h: EditorHost;
beforeAll(async () => {
  h = await startEditorHost();
});
afterAll(async () => {
  await h?.close();
});

const liveIds = async () => (await h.call('articles.list', {})).items.map((a) => a.id);

it('drops an untouched new draft when another article is opened, keeps a written one', async () => {
  const kept = await h.call('articles.create', { fields: { headline: 'Bleibt' } });
  const { page, errors } = await h.open();
  const before = await liveIds();

  // Alt+N, then straight on to another article without typing.
  await page.keyboard.press('Alt+N');
  await expect.poll(liveIds).toHaveLength(before.length + 1);
  const stray = (await liveIds()).find((id) => !before.includes(id))!;
  await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
  await page.locator('button.row', { hasText: 'Bleibt' }).click();
  await expect.poll(liveIds).not.toContain(stray);
  expect(await liveIds()).toContain(kept.id);

  // A new draft with a headline typed into it stays.
  await page.keyboard.press('Alt+N');
  await expect.poll(liveIds).toHaveLength(before.length + 1);
  const written = (await liveIds()).find((id) => !before.includes(id))!;
  await page.getByLabel('Headline', { exact: true }).fill('Geschrieben');
  await waitSaved(page);
  await page.locator('button.row', { hasText: 'Bleibt' }).click();
  await page.waitForTimeout(1000);
  expect(await liveIds()).toContain(written);
  expect((await h.call('articles.get', { id: written })).headline).toBe('Geschrieben');
  expect(errors).toEqual([]);
  await page.close();
});

it('"Discard draft" deletes a new draft at once, asks first when it has text, and focuses "New article"', async () => {
  const { page, errors } = await h.open();
  const before = await liveIds();
  const newArticle = page.locator('.app__bar [aria-keyshortcuts="Alt+N"]');
  const discard = page.getByRole('button', { name: 'Discard draft' });
  const isFocused = (l: typeof newArticle) => l.evaluate((el) => el === document.activeElement);

  // Empty: no question.
  await page.keyboard.press('Alt+N');
  await expect.poll(liveIds).toHaveLength(before.length + 1);
  await discard.click();
  await expect.poll(liveIds).toEqual(before);
  await expect.poll(() => page.locator('.article-editor').count()).toBe(0);
  await expect.poll(() => isFocused(newArticle)).toBe(true);

  // With a headline: it asks; Esc keeps the draft, the confirmation deletes it.
  await page.keyboard.press('Alt+N');
  await expect.poll(liveIds).toHaveLength(before.length + 1);
  const written = (await liveIds()).find((id) => !before.includes(id))!;
  await page.getByLabel('Headline', { exact: true }).fill('Doch nicht');
  await discard.click();
  const dialog = page.getByRole('dialog', { name: 'Discard this draft?' });
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
  expect(await isFocused(discard)).toBe(true);
  expect((await h.call('articles.get', { id: written })).headline).toBe('Doch nicht');
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Discard draft' }).click();
  await expect.poll(liveIds).toEqual(before);
  await expect.poll(() => isFocused(newArticle)).toBe(true);

  // An article that is not new has no such button.
  await page.locator('button.row').first().click();
  await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
  expect(await discard.count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});

it('drops an untouched new draft when the window is reloaded or closed; a blank draft made elsewhere stays', async () => {
  const before = await liveIds();
  const { page, errors } = await h.open();
  // Reload with the new, untouched draft open.
  await page.keyboard.press('Alt+N');
  await expect.poll(liveIds).toHaveLength(before.length + 1);
  await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
  await page.reload();
  await expect.poll(liveIds).toEqual(before);
  // The reloaded window does not open the dropped draft again from its address.
  await page.getByRole('heading', { name: 'No article open' }).waitFor();
  expect(page.url()).not.toContain('#article=');
  // Close the window with another one open.
  await page.keyboard.press('Alt+N');
  await expect.poll(liveIds).toHaveLength(before.length + 1);
  await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
  expect(errors).toEqual([]);
  await page.close({ runBeforeUnload: true });
  await expect.poll(liveIds).toEqual(before);

  // A blank draft from another desk (here: made through the core, not by "New article" in this
  // window) is left alone: its author may be about to write.
  const elsewhere = await h.call('articles.create', {});
  const other = await h.open({ hash: `#article=${elsewhere.id}` });
  await other.page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
  await other.page.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 1000));
  expect(await liveIds()).toContain(elsewhere.id);
  expect(other.errors).toEqual([]);
});

it('an open article moved to the trash elsewhere turns read only with a Restore button, and is writable again once restored', async () => {
  const a = await h.call('articles.create', { fields: { headline: 'Im Papierkorb' } });
  const { page, errors } = await h.open({ hash: `#article=${a.id}` });
  const editable = page.locator('.body__editable');
  await expect.poll(() => editable.getAttribute('contenteditable')).toBe('true');
  // Another window of this desk (or another desk through sync) moves it to the trash.
  await h.call('articles.delete', { id: a.id });
  const banner = page.getByTestId('read-only');
  await expect.poll(() => banner.textContent()).toContain('In the trash: read only.');
  await expect.poll(() => editable.getAttribute('contenteditable')).toBe('false');
  expect(await page.getByLabel('Headline', { exact: true }).isDisabled()).toBe(true);
  // No workflow step for an article in the trash.
  const submit = page.getByRole('button', { name: 'Submit for review' });
  await expect.poll(() => submit.count()).toBe(0);
  // Nor a second "Delete".
  const del = page
    .locator('.article-editor__bar')
    .getByRole('button', { name: 'Delete', exact: true });
  expect(await del.count()).toBe(0);
  // Typing goes nowhere.
  await editable.click();
  await page.keyboard.type('verloren');
  await page.waitForTimeout(700);
  expect(JSON.stringify((await h.call('articles.get', { id: a.id })).body)).not.toContain(
    'verloren',
  );
  await banner.getByRole('button', { name: 'Restore' }).click();
  await expect.poll(() => banner.count()).toBe(0);
  expect((await h.call('articles.get', { id: a.id })).deletedAt).toBeNull();
  await expect.poll(() => editable.getAttribute('contenteditable')).toBe('true');
  expect(await submit.count()).toBe(1);
  expect(await del.count()).toBe(1);
  await page.getByLabel('Headline', { exact: true }).fill('Zurück');
  await waitSaved(page);
  expect((await h.call('articles.get', { id: a.id })).headline).toBe('Zurück');
  expect(errors).toEqual([]);
  await page.close();
});

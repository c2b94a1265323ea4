import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureBlockIdsJson } from '../../src-shared/richtext/blockIds';
import { bodyFromParagraphs, bodyPlainText } from '../../src-shared/richtext/plainText';
import {
  body,
  type EditorHost,
  openArticle,
  settle,
  startEditorHost,
  status,
  waitSaved,
} from './editor-helpers';

let h: EditorHost;
beforeAll(async () => {
  h = await startEditorHost();
});
afterAll(async () => {
  await h?.close();
});

/** Polls the store until `check` holds (real time: the page's clock may be paused). */
async function storeUntil(check: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeout) throw new Error(`store did not change within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const bodyText = async (id: string) => bodyPlainText((await h.call('articles.get', { id })).body);

/** Counts the page's `articles.save` calls as they leave it. */
function countSaves(page: Page): { readonly count: number } {
  const seen = { count: 0 };
  page.on('request', (r) => {
    if (r.url().endsWith('/api/call') && r.postData()?.includes('"method":"articles.save"')) {
      seen.count++;
    }
  });
  return seen;
}

/** Long enough for a save the page had started to be seen leaving it. */
const quietMs = 400;
const quiet = () => new Promise((r) => setTimeout(r, quietMs));

/**
 * Pauses the page's clock (installed by `openArticle(…, { clock: true })`) 1 s ahead of the
 * page's time: the clock runs on while the pause is asked for, and cannot be set back. Called
 * with no save pending, so the second it skips fires none.
 */
async function pauseClock(page: Page): Promise<void> {
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
}

/** Types `text` as one edit however slowly the machine types it: one save, one revision. */
async function typeAsOneSave(page: Page, text: string): Promise<void> {
  await pauseClock(page);
  await page.keyboard.type(text);
  await page.clock.resume();
}

/*
 * The page's clock is paused in these tests, so what they show does not depend on how busy the
 * machine is: a save waits for 500 ms of the page's time after the last edit, and blur saves at
 * once. The save's round trip after that is timed by `npm run bench` (editor, autosaveMs; about
 * 70 ms median, 130 ms p95 on the 1,000-paragraph article), which keeps typing stored within
 * 1 s of the last key.
 */
describe('autosave', () => {
  it('stores typing 500 ms after it stops, shows Saving…/Saved, has no Save button', async () => {
    const a = await h.call('articles.create', {});
    const { page, errors } = await openArticle(h, a.id, undefined, { clock: true });
    const saves = countSaves(page);
    expect(await status(page).textContent()).toBe('Saved');
    expect(await page.getByRole('button', { name: /^(save|speichern)$/i }).count()).toBe(0);
    await body(page).click();
    await pauseClock(page);
    await page.keyboard.type('Die Stadt Münster und der LWL');
    expect(await status(page).textContent()).toBe('Saving…');
    await page.clock.runFor(499);
    await quiet();
    expect(saves.count).toBe(0);
    expect(await bodyText(a.id)).toBe('');
    await page.clock.runFor(1);
    await storeUntil(async () => (await bodyText(a.id)) === 'Die Stadt Münster und der LWL');
    await waitSaved(page);
    expect(saves.count).toBe(1);

    // Fields too; quick edits become one save, each edit starting the 500 ms again.
    const before = (await h.call('articles.get', { id: a.id })).revision;
    const headline = page.getByLabel('Headline', { exact: true });
    await headline.pressSequentially('IT-');
    await page.clock.runFor(400);
    await headline.pressSequentially('Kooperation');
    await page.clock.runFor(499);
    await quiet();
    expect(saves.count).toBe(1);
    await page.clock.runFor(1);
    await storeUntil(
      async () => (await h.call('articles.get', { id: a.id })).headline === 'IT-Kooperation',
    );
    await waitSaved(page);
    expect(saves.count).toBe(2);
    expect((await h.call('articles.get', { id: a.id })).revision).toBe(before + 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves at once on blur and when the window closes, without waiting for the 500 ms', async () => {
    const a = await h.call('articles.create', {});
    const { page } = await openArticle(h, a.id, undefined, { clock: true });
    await pauseClock(page);
    await page.getByLabel('Kicker', { exact: true }).fill('Münster/LWL:');
    await page.keyboard.press('Tab'); // blur; the page's clock stays where it is
    await storeUntil(
      async () => (await h.call('articles.get', { id: a.id })).kicker === 'Münster/LWL:',
    );

    await body(page).click();
    await page.keyboard.type('Zuletzt getippt');
    await page.close({ runBeforeUnload: true }); // pagehide → keepalive save
    await storeUntil(async () => (await bodyText(a.id)) === 'Zuletzt getippt');
  });

  it('lists revisions with time and author, compares one word by word, previews and restores it as a new revision', async () => {
    const a = await h.call('articles.create', {});
    const { page, errors } = await openArticle(h, a.id, undefined, { clock: true });
    await body(page).click();
    await typeAsOneSave(page, 'Erste Fassung mit <script>alert(1)</script>');
    await waitSaved(page);
    await page.keyboard.press('Control+A');
    await settle(page);
    await typeAsOneSave(page, 'Zweite Fassung');
    await waitSaved(page);
    const current = await h.call('articles.get', { id: a.id });

    await page.getByRole('button', { name: 'Revisions' }).click();
    const panel = page.getByRole('complementary', { name: 'Revision history' });
    const items = panel.getByRole('listitem');
    await expect.poll(() => items.count()).toBe(current.revision);
    const first = await items.first().textContent();
    expect(first).toMatch(new RegExp(`^Revision ${current.revision}`));
    expect(first).toMatch(/\d{1,2}:\d{2}:\d{2}/); // time
    // Signed out since this profile was made: no author is known (no byte sizes any more).
    expect(first).toContain('author not recorded');
    expect(first).not.toMatch(/\d+ B\b/);

    // Compare the first typed version with the current one: the words since are insertions.
    await panel.getByRole('button', { name: /^Revision 2\b/ }).click();
    const preview = panel.getByRole('region', { name: 'Preview of revision 2' });
    const compare = preview.getByTestId('article-compare');
    await expect.poll(() => compare.locator('ins').allTextContents()).toEqual(['Zweite']);
    expect(await compare.locator('del').allTextContents()).toEqual([
      'Erste',
      ' mit <script>alert(1)</script>',
    ]);
    expect(await compare.locator('ins').getAttribute('data-label')).toBe('inserted:');
    // What revision 3 changed against revision 2.
    await panel.getByRole('button', { name: /^Revision 3\b/ }).click();
    const preview3 = panel.getByRole('region', { name: 'Preview of revision 3' });
    await preview3.getByRole('button', { name: 'Compare with previous' }).click();
    await expect
      .poll(() => preview3.getByTestId('article-compare').locator('ins').allTextContents())
      .toEqual(['Zweite']);

    // Preview the first typed version: rendered, escaped, read-only.
    await panel.getByRole('button', { name: /^Revision 2\b/ }).click();
    await preview.getByRole('button', { name: 'Text', exact: true }).click();
    await expect
      .poll(() => preview.locator('.revisions__html').innerHTML())
      .toBe('<p>Erste Fassung mit &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(await preview.locator('[contenteditable]').count()).toBe(0);

    await preview.getByRole('button', { name: 'Restore revision 2' }).click();
    await expect
      .poll(() => body(page).textContent())
      .toBe('Erste Fassung mit <script>alert(1)</script>');
    const restored = await h.call('articles.get', { id: a.id });
    expect(restored.revision).toBe(current.revision + 1);
    expect(bodyPlainText(restored.body)).toBe('Erste Fassung mit <script>alert(1)</script>');
    const list = await h.call('revisions.list', { articleId: a.id });
    expect(list.items.map((r) => r.revision)).toEqual(
      Array.from({ length: restored.revision }, (_, i) => restored.revision - i),
    );

    // The restored body is editable and saves on top.
    await body(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' – weiter');
    await waitSaved(page);
    expect(await bodyText(a.id)).toBe('Erste Fassung mit <script>alert(1)</script> – weiter');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an article that became read only can be compared with a revision but not restored to it', async () => {
    const a = await h.call('articles.create', {});
    const { page, errors } = await openArticle(h, a.id, undefined, { clock: true });
    await body(page).click();
    await typeAsOneSave(page, 'Erste Fassung');
    await waitSaved(page);
    await typeAsOneSave(page, ', ergänzt');
    await waitSaved(page);
    await h.call('articles.delete', { id: a.id });
    await page.getByText('In the trash: read only.').waitFor();
    const before = await h.call('articles.get', { id: a.id });

    await page.getByRole('button', { name: 'Revisions' }).click();
    const panel = page.getByRole('complementary', { name: 'Revision history' });
    await panel.getByRole('button', { name: /^Revision 2\b/ }).click();
    const preview = panel.getByRole('region', { name: 'Preview of revision 2' });
    await expect
      .poll(async () =>
        (await preview.getByTestId('article-compare').locator('ins').allTextContents()).join(''),
      )
      .toBe(', ergänzt');
    expect(await preview.getByRole('button', { name: /^Restore revision/ }).count()).toBe(0);
    expect(await preview.textContent()).toContain(
      'Read only: you can restore a revision once you may edit the article again.',
    );
    const after = await h.call('articles.get', { id: a.id });
    expect(after.revision).toBe(before.revision);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps everything up to the last "Saved" when the host is SIGKILLed (long article)', async () => {
    const paragraphs = Array.from(
      { length: 400 },
      (_, i) =>
        `Absatz ${i + 1}: Die Stadt Münster und der Landschaftsverband Westfalen-Lippe (LWL) wollen bei der Informationstechnik künftig stärker zusammenarbeiten.`,
    );
    const a = await h.call('articles.create', {
      fields: { headline: 'Langer Artikel' },
      body: ensureBlockIdsJson(bodyFromParagraphs(paragraphs)),
    });
    const { page, errors } = await openArticle(h, a.id);
    // In the middle and at the end of the body, and in a field.
    // Clicked at its bottom-right corner: the paragraph wraps over several lines on the canvas.
    const middle = body(page).locator('p').nth(200);
    // Measured on screen: a block far off screen is not laid out yet (content-visibility) and
    // has only its estimated height until it scrolls into view.
    await middle.scrollIntoViewIfNeeded();
    await settle(page);
    const box = (await middle.boundingBox())!;
    await middle.click({ position: { x: box.width - 2, y: box.height - 4 } });
    await page.keyboard.press('End');
    await page.keyboard.type(' MITTE-EINGEFÜGT');
    await page.keyboard.press('Control+End');
    await settle(page);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Neuer Schlussabsatz „mit Umlauten“ äöüß.');
    await page.getByLabel('Byline', { exact: true }).fill('bs');
    await waitSaved(page);
    await page.close();

    await h.restart('kill');
    const again = await openArticle(h, a.id);
    const text = await body(again.page).textContent();
    expect(text).toContain('Absatz 201: Die Stadt');
    expect(text).toContain('zusammenarbeiten. MITTE-EINGEFÜGT');
    expect(text).toMatch(/Neuer Schlussabsatz „mit Umlauten“ äöüß\.$/);
    expect(await again.page.getByLabel('Byline', { exact: true }).inputValue()).toBe('bs');
    expect(await again.page.locator('[contenteditable] p').count()).toBe(401);
    expect(errors).toEqual([]);
    expect(again.errors).toEqual([]);
    await again.page.close();
  });
});

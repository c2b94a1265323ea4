/**
 * Suggestion mode in the body (issue #17.1): a desk chief opening an editor's article is in it
 * by default; typed text and a deleted word are stored as the chief's suggestions; Ctrl+Alt+S
 * turns it off and typing is plain again. axe on the editor with suggestions in both themes.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { body as bodyJson, paragraph, text } from '../../src-shared/richtext/builders';
import { audit } from './axe-helpers';
import { body, type EditorHost, openArticle, settle, waitSaved } from './editor-helpers';
import { startSyncEditorPair, type SyncEditorPair } from './sync-editor-helpers';

const shots = process.env.COPYDESK_SCREENSHOTS;
let pair: SyncEditorPair;
let h: EditorHost;

beforeAll(async () => {
  pair = await startSyncEditorPair('copydesk-suggest-typing-', 'editor');
  ({ h } = pair);
});
afterAll(async () => {
  await h?.call('settings.update', { theme: 'system' }).catch(() => undefined);
  await pair?.close();
});

type Node = { type: string; text?: string; kind?: string; author?: string; children?: Node[] };
const inlineNodes = async (id: string): Promise<Node[]> => {
  const a = await h.call('articles.get', { id });
  return (a.body.root.children as Node[]).flatMap((p) => p.children ?? []);
};

it('a chief suggests on an editor’s article by default; Ctrl+Alt+S makes typing plain again', async () => {
  // Written by the editor, synced, then the desk is signed in as the chief.
  const a = await h.call('articles.create', {
    fields: { headline: 'Rat tagt' },
    body: bodyJson(paragraph([text('Der Rat tagte gestern im Rathaus, kein Fehlr.')], 'p1')),
  });
  await h.call('sync.now', {});
  await h.call('sync.logout', {});
  await h.call('sync.login', { serverUrl: pair.server.url, username: 'chief', password: 'chief' });

  const { page, errors } = await openArticle(h, a.id);
  const toggle = page.getByRole('button', { name: /^Suggest changes/ });
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
  expect(await page.getByRole('status').filter({ hasText: 'Suggesting' }).count()).toBe(1);
  expect(await body(page).getAttribute('class')).toContain('body--suggesting');

  // Delete the first word, then type at the end.
  await body(page).click();
  await page.keyboard.press('Control+Home');
  await settle(page);
  await page.keyboard.press('Control+Delete');
  await page.keyboard.press('Control+End');
  await settle(page);
  await page.keyboard.type(' Heute');
  await waitSaved(page);

  const nodes = await inlineNodes(a.id);
  const suggestions = nodes.filter((n) => n.type === 'suggestion');
  expect(suggestions.map((n) => [n.kind, n.text, n.author])).toEqual([
    ['delete', 'Der', 'chief'],
    ['insert', ' Heute', 'chief'],
  ]);
  // The deleted word stays visible, struck through, in the chief's colour with a tooltip.
  const deleted = body(page).locator('.suggestion-delete');
  expect(await deleted.textContent()).toBe('Der');
  expect(await deleted.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe(
    'line-through',
  );
  expect(await deleted.evaluate((el) => el.style.getPropertyValue('--suggestion-hue'))).toMatch(
    /^\d+$/,
  );
  // Named by the newsroom's display name for "chief" once the desk has synced the names.
  await expect
    .poll(() => body(page).locator('.suggestion-insert').getAttribute('title'), {
      timeout: 15_000,
    })
    .toMatch(/^Suggested by Miriam Krause · /);

  // axe with suggestions in the text, in both themes.
  for (const theme of ['light', 'dark'] as const) {
    await h.call('settings.update', { theme });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
      .toBe(theme);
    expect(await audit(page, `suggest-typing-${theme}`)).toEqual([]);
    if (shots) await page.screenshot({ path: join(shots, `suggest-typing-${theme}.png`) });
  }
  await h.call('settings.update', { theme: 'system' });

  // Find works while suggesting; replacing would change the text around suggestion mode, so
  // Ctrl+H finds only and says why.
  const replaceAll = page.getByRole('button', { name: 'Replace all' });
  await body(page).click();
  await page.keyboard.press('Control+H');
  await page.getByRole('searchbox', { name: 'Find', exact: true }).fill('Rathaus');
  await expect
    .poll(() => page.getByTestId('find-count').textContent())
    .toBe('1 of 1 in the body (1 in the article)');
  expect(await replaceAll.count()).toBe(0);
  const why = page.getByRole('note').filter({ hasText: 'No replacing while you suggest changes' });
  expect(await why.count()).toBe(1);
  await page.keyboard.press('Escape');

  // A spelling correction while suggesting is a suggestion too: the word marked deleted, the
  // correction inserted, both the chief's.
  const fehlr = async () =>
    page.evaluate(() => {
      const r = [...(CSS.highlights.get('copydesk-spelling') ?? [])]
        .map((x) => x as Range)
        .find((x) => x.toString() === 'Fehlr');
      const b = r?.getBoundingClientRect();
      return b ? { x: b.x + b.width / 2, y: b.y + b.height / 2 } : null;
    });
  await expect.poll(fehlr, { timeout: 15_000 }).not.toBeNull();
  const at = (await fehlr())!;
  await page.mouse.click(at.x, at.y, { button: 'right' });
  const fix = page
    .getByRole('menu', { name: 'Spelling' })
    .getByRole('menuitem', { name: 'Fehler', exact: true });
  await fix.waitFor({ timeout: 15_000 });
  await fix.click();
  await waitSaved(page);
  const corrected = (await inlineNodes(a.id)).filter((n) => n.type === 'suggestion');
  expect(corrected.map((n) => [n.kind, n.text, n.author])).toEqual([
    ['delete', 'Der', 'chief'],
    ['delete', 'Fehlr', 'chief'],
    ['insert', 'Fehler', 'chief'],
    ['insert', ' Heute', 'chief'],
  ]);

  // Off with the shortcut: typing is plain again.
  await body(page).click();
  await page.keyboard.press('Control+Alt+KeyS');
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
  expect(await page.getByRole('status').filter({ hasText: 'Suggesting' }).count()).toBe(0);
  await page.keyboard.press('Control+End');
  await settle(page);
  await page.keyboard.type('!');
  await waitSaved(page);
  const after = await inlineNodes(a.id);
  expect(after.filter((n) => n.type === 'suggestion')).toHaveLength(corrected.length);
  expect(after.filter((n) => n.type === 'text').map((n) => n.text)).toContain('!');
  // And replacing is offered again.
  await page.keyboard.press('Control+H');
  expect(await replaceAll.count()).toBe(1);
  expect(await why.count()).toBe(0);
  await page.keyboard.press('Escape');
  // The shortcut help lists it.
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  expect(await help.textContent()).toContain('Suggest changes on or offCtrl+Alt+S');
  await page.keyboard.press('Escape');
  await expect.poll(() => help.count()).toBe(0);
  // And back on with the toolbar button.

  await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
  expect(errors).toEqual([]);
});

/**
 * Conflicts on the article, in browser mode against the real backend: a field
 * conflict and a body conflict region show as a badge in the list and a panel in the editor
 * with both versions; "Keep mine" / "Keep theirs" update the store, the editor and the server.
 * A change the server refused shows its reason and keeps the user's text.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { paragraphs, startSyncEditorPair, type SyncEditorPair } from './sync-editor-helpers';
import { fixtureArticle, submittableArticle } from '../support/fixture-article';
import { bodyOf, openClient, signIn, textsOf, type Client } from '../sync/support/harness';
import { tempDir } from '../support/tmp';
import { body, type EditorHost, openArticle, waitSaved } from './editor-helpers';

let pair: SyncEditorPair;
let h: EditorHost;
let b: Client;

beforeAll(async () => {
  // A's edits stay local until a sync (explicit, or the poke after B's push), so that A and B
  // really edit at the same time.
  pair = await startSyncEditorPair('copydesk-sync-conflicts-', 'editor', {
    COPYDESK_PUSH_DELAY_MS: '600000',
  });
  ({ h, b } = pair);
});
afterAll(async () => {
  await pair?.close();
});

/**
 * A (the browser profile) and B change the same field and the same paragraph at the same time
 * (neither has the other's change); B syncs first.
 */
async function clash(tag: string): Promise<string> {
  const a = await h.call('articles.create', {
    fields: { headline: `Start ${tag}` },
    body: bodyOf([
      [`${tag}1`, 'Eins'],
      [`${tag}2`, 'Zwei'],
    ]),
  });
  await h.call('sync.now', {});
  await b.api['sync.now']({});
  await h.call('articles.save', {
    id: a.id,
    fields: { headline: `Von A ${tag}` },
    body: bodyOf([
      [`${tag}1`, 'Eins von A'],
      [`${tag}2`, 'Zwei'],
    ]),
  });
  await b.api['articles.save']({
    id: a.id,
    fields: { headline: `Von B ${tag}` },
    body: bodyOf([
      [`${tag}1`, 'Eins von B'],
      [`${tag}2`, 'Zwei'],
    ]),
  });
  await b.api['sync.now']({});
  await h.call('sync.now', {});
  const kinds = (await h.call('sync.conflicts', { entityId: a.id })).items.map((c) => c.kind);
  expect(kinds.sort()).toEqual(['body', 'field']);
  return a.id;
}

it('shows a badge and a panel; keep mine for the field, keep theirs for the passage', async () => {
  const id = await clash('x');
  const summary = (await h.call('articles.list', {})).items.find((s) => s.id === id);
  expect(summary?.hasConflict).toBe(true);

  const { page, errors } = await h.open();
  const row = page.getByRole('button', { name: /^Von B x/ });
  await row.waitFor();
  await expect.poll(() => row.getByTestId('conflict-badge').textContent()).toBe('Conflict');
  await row.click();
  await body(page).waitFor();
  const panel = page.getByRole('region', { name: 'Conflicts on this article' });
  await expect.poll(() => panel.locator('li').count()).toBe(2);
  const field = panel.locator('li[data-conflict-kind="field"]');
  const passage = panel.locator('li[data-conflict-kind="body"]');
  expect(await field.textContent()).toContain('Field “Headline” was changed on both sides');
  expect(await field.textContent()).toContain('Von A x');
  expect(await field.textContent()).toContain('Von B x');
  expect(await passage.textContent()).toContain('Eins von A');
  expect(await passage.textContent()).toContain('Eins von B');
  // Word by word: my word as an insertion, theirs as a deletion, announced as such.
  expect(await field.locator('ins').allTextContents()).toEqual(['A']);
  expect(await field.locator('del').allTextContents()).toEqual(['B']);
  expect(await field.locator('ins').getAttribute('data-label')).toBe('only in mine:');
  expect(await passage.locator('ins').allTextContents()).toEqual(['A']);
  expect(await passage.locator('del').allTextContents()).toEqual(['B']);
  // The server kept B's versions (first synced): that is what the editor shows.
  const headline = page.getByLabel('Headline', { exact: true });
  expect(await headline.inputValue()).toBe('Von B x');
  expect(await paragraphs(page)).toEqual(['Eins von B', 'Zwei']);

  await field.getByRole('button', { name: 'Keep mine' }).click();
  await expect.poll(() => headline.inputValue()).toBe('Von A x');
  expect((await h.call('articles.get', { id })).headline).toBe('Von A x');
  await expect.poll(() => panel.locator('li').count()).toBe(1);

  await passage.getByRole('button', { name: 'Keep theirs' }).click();
  await expect.poll(() => panel.count()).toBe(0);
  expect(await paragraphs(page)).toEqual(['Eins von B', 'Zwei']);
  expect(textsOf((await h.call('articles.get', { id })).body)).toEqual(['Eins von B', 'Zwei']);
  expect((await h.call('sync.conflicts', { entityId: id })).items).toEqual([]);
  await expect.poll(() => row.getByTestId('conflict-badge').count()).toBe(0);

  await h.call('sync.now', {});
  await b.api['sync.now']({});
  const atB = await b.api['articles.get']({ id });
  expect(atB.headline).toBe('Von A x');
  expect(textsOf(atB.body)).toEqual(['Eins von B', 'Zwei']);

  // The revisions name who saved them (signed in as "editor" on both desks): by display name,
  // the username on hover.
  await page.getByRole('button', { name: 'Revisions' }).click();
  const history = page.getByRole('complementary', { name: 'Revision history' });
  await expect
    .poll(() => history.getByRole('listitem').allTextContents())
    .toEqual(expect.arrayContaining([expect.stringMatching(/by Anna Berg/)]));
  expect(
    await history
      .locator('.revisions__author', { hasText: 'Anna Berg' })
      .first()
      .getAttribute('title'),
  ).toBe('editor');
  expect(errors).toEqual([]);
});

it('keep theirs for the field, keep mine for the passage: the editor shows my passage', async () => {
  const id = await clash('y');
  const { page, errors } = await openArticle(h, id);
  const panel = page.getByRole('region', { name: 'Conflicts on this article' });
  await expect.poll(() => panel.locator('li').count()).toBe(2);
  await panel
    .locator('li[data-conflict-kind="body"]')
    .getByRole('button', { name: 'Keep mine' })
    .click();
  await expect.poll(() => paragraphs(page)).toEqual(['Eins von A', 'Zwei']);
  expect(textsOf((await h.call('articles.get', { id })).body)).toEqual(['Eins von A', 'Zwei']);
  await panel
    .locator('li[data-conflict-kind="field"]')
    .getByRole('button', { name: 'Keep theirs' })
    .click();
  await expect.poll(() => panel.count()).toBe(0);
  expect(await page.getByLabel('Headline', { exact: true }).inputValue()).toBe('Von B y');
  expect((await h.call('articles.get', { id })).headline).toBe('Von B y');
  expect((await h.call('articles.list', {})).items.find((s) => s.id === id)?.hasConflict).toBe(
    false,
  );
  await h.call('sync.now', {});
  await b.api['sync.now']({});
  expect(textsOf((await b.api['articles.get']({ id })).body)).toEqual(['Eins von A', 'Zwei']);
  expect(errors).toEqual([]);
});

it('a change the server refused shows the reason and keeps my text', async () => {
  const f = fixtureArticle();
  const a = await h.call('articles.create', submittableArticle(f));
  await h.call('sync.now', {});
  await b.api['sync.now']({});
  // A changes the teaser; before A's change reaches the server, B submits the article for
  // review. (A saves first: B's push pokes A, and A may pull the new state at once.)
  await h.call('articles.save', { id: a.id, fields: { teaser: 'Mein neuer Vorspann' } });
  await b.api['articles.transition']({ id: a.id, to: 'in_review' });
  await b.api['sync.now']({});
  await h.call('sync.now', {});
  const [rejected] = (await h.call('sync.conflicts', { entityId: a.id })).items;
  expect(rejected).toMatchObject({ kind: 'rejected', field: 'article.setFields' });

  // In review, the article opens read only for the editor A.
  const { page, errors } = await h.open({ hash: `#article=${a.id}` });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await expect.poll(() => page.getByTestId('read-only').count()).toBe(1);
  const item = page
    .getByRole('region', { name: 'Conflicts on this article' })
    .locator('li[data-conflict-kind="rejected"]');
  await expect.poll(() => item.textContent()).toContain('The server refused your change:');
  expect(await item.textContent()).toContain('editors may edit drafts only');
  expect(await item.textContent()).toContain('Mein neuer Vorspann');
  await item.getByRole('button', { name: 'Copy my text' }).click();
  await expect.poll(() => item.textContent()).toContain('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Mein neuer Vorspann');
  // Re-sent while the article is in review, it would only be refused again.
  expect(await item.getByRole('button', { name: 'Restore my version' }).count()).toBe(0);
  expect(await item.textContent()).toContain(
    'You can restore your version once you may edit the article again.',
  );
  // The status line's conflicts dialog says the same instead of offering "Send again".
  const conflictsDialog = async () => {
    await page.getByRole('button', { name: '1 conflict', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Changes that need your decision' });
    await dialog.getByText('The server refused a change:').waitFor();
    return dialog;
  };
  let dialog = await conflictsDialog();
  expect(await dialog.getByRole('button', { name: 'Send again' }).count()).toBe(0);
  expect(await dialog.textContent()).toContain(
    'You may not edit this now, so the server would refuse it again.',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  // Back to draft from the desk: now it can be restored.
  const chiefRoot = tempDir('copydesk-conflicts-chief-');
  const chief = await openClient(chiefRoot.dir, 'chief');
  try {
    await signIn(chief, pair.server.url, 'chief');
    await chief.api['sync.now']({});
    await chief.api['articles.transition']({ id: a.id, to: 'draft', comment: 'Bitte kürzen' });
    await chief.api['sync.now']({});
  } finally {
    await chief.close();
    chiefRoot.cleanup();
  }
  await h.call('sync.now', {});
  await expect.poll(() => page.getByTestId('read-only').count(), { timeout: 10_000 }).toBe(0);
  await expect.poll(() => item.getByRole('button', { name: 'Restore my version' }).count()).toBe(1);
  dialog = await conflictsDialog();
  await expect.poll(() => dialog.getByRole('button', { name: 'Send again' }).count()).toBe(1);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await item.getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(() => item.count()).toBe(0);
  // The discarded text leaves the editor at once: it shows what the store and server hold.
  expect((await h.call('articles.get', { id: a.id })).teaser).toBe(f.teaser);
  await expect
    .poll(() => page.getByLabel('Teaser', { exact: true }).inputValue(), { timeout: 5000 })
    .toBe(f.teaser);
  expect(errors).toEqual([]);
});

it('dismissing a refused change typed in the open editor shows the server text at once', async () => {
  const f = fixtureArticle();
  const a = await h.call('articles.create', {
    fields: { headline: f.headline, teaser: f.teaser, section: f.section, tags: f.tags },
    body: f.body,
  });
  await h.call('sync.now', {});
  await b.api['sync.now']({});
  const { page, errors } = await openArticle(h, a.id);
  // A types a new teaser into the open editor; before it reaches the server, B submits.
  // (A types first: B's push pokes A, whose editor may turn read only at once.)
  const teaser = page.getByLabel('Teaser', { exact: true });
  await teaser.fill('Verworfener Vorspann');
  await teaser.blur();
  await waitSaved(page);
  await b.api['articles.transition']({ id: a.id, to: 'in_review' });
  await b.api['sync.now']({});
  await h.call('sync.now', {});
  const item = page
    .getByRole('region', { name: 'Conflicts on this article' })
    .locator('li[data-conflict-kind="rejected"]');
  await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
  await item.getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(() => item.count()).toBe(0);
  expect((await h.call('articles.get', { id: a.id })).teaser).toBe(f.teaser);
  await expect.poll(() => teaser.inputValue(), { timeout: 5000 }).toBe(f.teaser);
  await expect
    .poll(() => page.locator('.sync-status__text').textContent(), { timeout: 10_000 })
    .toContain('All changes synced');
  expect(errors).toEqual([]);
});

it('a refused change reads in German: translated reason and field names, no raw JSON', async () => {
  const f = fixtureArticle();
  const a = await h.call('articles.create', {
    fields: { headline: f.headline, teaser: f.teaser, section: f.section, tags: f.tags },
    body: f.body,
  });
  await h.call('sync.now', {});
  await b.api['sync.now']({});
  await h.call('articles.save', { id: a.id, fields: { teaser: 'Abgelehnter Vorspann' } });
  await b.api['articles.transition']({ id: a.id, to: 'in_review' });
  await b.api['sync.now']({});
  await h.call('sync.now', {});
  await h.call('settings.update', { language: 'de' });
  try {
    const { page, errors } = await h.open({ locale: 'de-DE' });
    // The header's list of all conflicts names the article and opens it; no JSON in it.
    await page.locator('.sync-status__conflicts').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.locator('.sync-conflicts__headline').textContent()).toBe(f.headline);
    expect(await dialog.textContent()).toContain('Abgelehnter Vorspann');
    expect(await dialog.textContent()).toContain('Das dürfen Sie jetzt nicht ändern');
    expect(await dialog.textContent()).not.toMatch(/editors|[{}]/);
    await dialog.getByRole('button', { name: 'Artikel öffnen' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.getByLabel('Überschrift', { exact: true }).inputValue()).toBe(f.headline);
    const item = page
      .getByRole('region', { name: 'Konflikte in diesem Artikel' })
      .locator('li[data-conflict-kind="rejected"]');
    await expect
      .poll(() => item.textContent(), { timeout: 10_000 })
      .toContain('Der Server hat Ihre Änderung abgelehnt: Das dürfen Sie jetzt nicht ändern');
    expect(await item.textContent()).toContain('Abgelehnter Vorspann');
    expect(await item.textContent()).not.toMatch(/editors|draft|[{}]/);
    expect(errors).toEqual([]);
    await page.close();
  } finally {
    await h.call('settings.update', { language: 'en' });
  }
});

/** Controls (scrolled to) that are outside the window or covered at their centre. */
async function hiddenControls(controls: Locator[]): Promise<string[]> {
  const problems: string[] = [];
  for (const control of controls) {
    await control.scrollIntoViewIfNeeded();
    const seen = await control.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return {
        name: el.getAttribute('title') ?? el.textContent ?? '',
        inside:
          r.x >= 0 && r.right <= window.innerWidth && r.y >= 0 && r.bottom <= window.innerHeight,
        hit: !!top && el.contains(top),
        top: top ? `${top.tagName}.${String(top.className)}` : null,
      };
    });
    if (!seen.inside || !seen.hit) problems.push(JSON.stringify(seen));
  }
  return problems;
}

for (const lang of ['en', 'de'] as const) {
  it(`${lang}, at 512 px (a 1024 px window at 200 % zoom): every control of the conflict panel, the conflicts dialog and the editor header is reachable and not covered`, async () => {
    const id = await clash(`w${lang}`);
    const { language } = await h.call('settings.get', {});
    await h.call('settings.update', { language: lang });
    try {
      const { page, errors } = await h.open({
        locale: lang === 'de' ? 'de-DE' : 'en-US',
        hash: `#article=${id}`,
      });
      await page.setViewportSize({ width: 512, height: 384 });
      await page.reload();
      await body(page).waitFor({ state: 'attached' });
      const panel = page.getByTestId('conflict-panel');
      await expect.poll(() => panel.locator('li').count()).toBe(2);
      const inEditor = [
        ...(await page.locator('.article-editor__bar button').all()),
        ...(await panel.getByRole('button').all()),
      ];
      expect(inEditor.length).toBeGreaterThan(8);
      expect(await hiddenControls(inEditor)).toEqual([]);

      // The conflicts dialog from the header: its list and its Close button.
      await page.locator('.sync-status__conflicts').click();
      const dialog = page.locator('dialog[open]');
      await dialog.waitFor();
      const inDialog = await dialog.getByRole('button').all();
      expect(inDialog.length).toBeGreaterThanOrEqual(5); // keep mine / theirs per conflict, Close
      expect(await hiddenControls(inDialog)).toEqual([]);
      await dialog.locator('.modal__actions button').click();
      await expect.poll(() => dialog.count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await h.call('settings.update', { language });
    }
  });
}

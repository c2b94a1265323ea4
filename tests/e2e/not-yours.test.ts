/**
 * Only the author, the assignee and desk chiefs change an article (src-shared/workflow.ts,
 * mayEditArticle). A photo editor reads every article; opening an editor's draft, the desk
 * shows it read only with the reason, offers no workflow step and no Delete, so nothing is
 * typed that the server would refuse. A draft the photo editor wrote stays theirs to change.
 * Likewise an editor changes the details of the images they added only: another's image shows
 * its details read only.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bodyOf, openClient, signIn } from '../sync/support/harness';
import { fixture } from '../fixtures/images';
import { tempDir } from '../support/tmp';
import { openLibrary } from './images-helpers';
import { type EditorHost, openArticle } from './editor-helpers';
import { startSyncEditorPair, type SyncEditorPair } from './sync-editor-helpers';

let pair: SyncEditorPair;
let h: EditorHost;

beforeAll(async () => {
  pair = await startSyncEditorPair('copydesk-not-yours-', 'editor');
  ({ h } = pair);
});
afterAll(async () => {
  await pair?.close();
});

it("a photo editor opens an editor's draft read only: the reason, no step, no Delete; their own draft stays editable", async () => {
  const theirs = await pair.b.api['articles.create']({
    fields: { headline: 'Ampel am Ring' },
    body: bodyOf([['p1', 'Die Stadt baut eine Ampel.']]),
  });
  await pair.b.api['sync.now']({});
  await h.call('sync.logout', {});
  await h.call('sync.login', { serverUrl: pair.server.url, username: 'photo', password: 'photo' });
  await h.call('sync.now', {});
  const own = await h.call('articles.create', { fields: { headline: 'Bildstrecke' } });

  const { page, errors } = await h.open({ hash: `#article=${theirs.id}` });
  const banner = page.getByTestId('read-only');
  await expect
    .poll(() => banner.textContent(), { timeout: 10_000 })
    .toContain('Not your article: read only.');
  expect(await banner.textContent()).toContain('Ask a desk chief to assign it to you');
  await expect
    .poll(() => page.locator('.body__editable').getAttribute('contenteditable'))
    .toBe('false');
  expect(await page.getByLabel('Headline', { exact: true }).isDisabled()).toBe(true);
  const bar = page.locator('.article-editor__bar');
  expect(await bar.getByRole('button', { name: 'Submit for review' }).count()).toBe(0);
  expect(await bar.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);
  // Its review comments are for the author, the assignee and desk chiefs: no form to add one.
  await expect
    .poll(() => page.getByTestId('comments-not-yours').textContent())
    .toContain('Review comments on this article are for its author');
  expect(await page.locator('textarea[name="comment"]').count()).toBe(0);
  // Nor in the list: its row has no Delete, the photo editor's own draft has one.
  const list = page.getByTestId('article-list');
  const row = (headline: string) => list.getByRole('listitem').filter({ hasText: headline });
  // Delete shows once the desk knows who is signed in (none on any row before); then on the
  // photo editor's own draft only.
  await expect
    .poll(() =>
      row('Bildstrecke')
        .getByRole('button', { name: /^Delete/ })
        .count(),
    )
    .toBe(1);
  expect(
    await row('Ampel am Ring')
      .getByRole('button', { name: /^Delete/ })
      .count(),
  ).toBe(0);
  await page.close();

  // The photo editor's own draft: editable, with its steps and Delete.
  const mine = await openArticle(h, own.id);
  expect(await mine.page.getByTestId('read-only').count()).toBe(0);
  const mineBar = mine.page.locator('.article-editor__bar');
  await expect
    .poll(() => mineBar.getByRole('button', { name: 'Submit for review' }).count())
    .toBe(1);
  expect(await mineBar.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(1);
  await mine.page.locator('textarea[name="comment"]').waitFor();
  expect([...errors, ...mine.errors]).toEqual([]);
  await mine.page.close();
});

it('an editor sees the details of an image the photo desk added read only, and changes their own', async () => {
  const root = tempDir('copydesk-not-yours-photo-');
  const photo = await openClient(root.dir, 'photo');
  try {
    await signIn(photo, pair.server.url, 'photo');
    const theirs = await photo.api['images.import']({
      fileName: 'fremd.jpg',
      dataBase64: fixture('iptc-latin1.jpg').toString('base64'),
    });
    await photo.api['sync.now']({});
    await h.call('sync.logout', {});
    await h.call('sync.login', {
      serverUrl: pair.server.url,
      username: 'editor',
      password: 'editor',
    });
    const own = await h.call('images.import', {
      fileName: 'eigen.png',
      dataBase64: fixture('credits.png').toString('base64'),
    });
    await h.call('sync.now', {});
    await h.call('sync.now', {});

    const { page, errors } = await h.open();
    await openLibrary(page);
    const cell = (id: string) => page.locator(`.image-cell[data-image-id="${id}"]`);
    const credit = page.getByLabel('Credit', { exact: true });
    const note = page.getByTestId('image-read-only');
    await cell(theirs.id).click();
    await expect.poll(() => note.textContent()).toContain('Read only: editors change the details');
    expect(await credit.isDisabled()).toBe(true);
    await cell(own.id).click();
    await expect.poll(() => note.count()).toBe(0);
    expect(await credit.isDisabled()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  } finally {
    await photo.close();
    root.cleanup();
  }
});

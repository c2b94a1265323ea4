/**
 * Notices and review comments in the UI (browser mode, real backend): the author's app shows
 * "Changes requested" with the desk chief's note after sync, keeps it over a reload, opens the
 * article from it, and the comments panel shows the chief's anchored comment; the author answers
 * with an anchored comment of their own and dismisses the notice. Comments name their authors by
 * display name. COPYDESK_SCREENSHOTS=DIR keeps the comments panel (comments-names.png).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { fixtureArticle } from '../support/fixture-article';
import { startBrowserMode, type Started } from '../support/processes';
import { tempDir } from '../support/tmp';
import { bodyOf, openClient, signIn, startServer, type Client } from '../sync/support/harness';

let browser: Browser;
let server: Started;
let host: Started | undefined;
let chief: Client;
let tmp: ReturnType<typeof tempDir>;
let articleId = '';
const HEADLINE = 'LWL stellt neue Plattform vor';
const shots = process.env.COPYDESK_SCREENSHOTS;

beforeAll(async () => {
  tmp = tempDir('copydesk-notices-ui-');
  server = await startServer(`${tmp.dir}/server`);
  // The author's profile: write, sync and submit in-process, then hand it to browser mode.
  const author = await openClient(tmp.dir, 'profile');
  try {
    await signIn(author, server.url, 'editor');
    const f = fixtureArticle();
    const a = await author.api['articles.create']({
      fields: {
        kicker: f.kicker,
        headline: HEADLINE,
        teaser: f.teaser,
        byline: f.byline,
        section: f.section,
        tags: ['Politik'],
      },
      body: bodyOf([
        ['p1', 'Der Landschaftsverband Westfalen-Lippe stellt heute eine Plattform vor.'],
        ['p2', 'Zweiter Absatz ohne Anmerkung.'],
      ]),
    });
    articleId = a.id;
    await author.api['sync.now']({});
    await author.api['articles.transition']({ id: articleId, to: 'in_review' });
    await author.api['sync.now']({});
  } finally {
    await author.close();
  }
  chief = await openClient(tmp.dir, 'chief');
  await signIn(chief, server.url, 'chief');
  await chief.api['sync.now']({});
  await chief.api['comments.add']({
    articleId,
    text: 'Wer hat das gesagt?',
    blockId: 'p1',
  });
  await chief.api['articles.transition']({
    id: articleId,
    to: 'draft',
    comment: 'Bitte die Quelle nennen.',
  });
  expect((await chief.api['sync.now']({})).pending).toBe(0);

  host = await startBrowserMode(`${tmp.dir}/profile`);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.kill();
  await chief?.close();
  await server?.stop();
  tmp?.cleanup();
});

it('shows the changes-requested notice, opens the article, and shows the comments', async () => {
  const page = await browser.newPage({ locale: 'en-US' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host!.url);

  const notices = page.getByRole('region', { name: 'Notices' });
  const notice = notices.getByTestId('notice');
  // Browser mode syncs on start; the notice arrives with the chief's name and note.
  await expect
    .poll(() => notice.first().textContent(), { timeout: 20_000 })
    .toContain(`Changes requested: ${HEADLINE}`);
  // By the chief's display name (the newsroom's names may come just after), username on hover.
  await expect.poll(() => notice.first().textContent()).toContain('by Miriam Krause');
  expect(await notice.first().locator('.notice__by').getAttribute('title')).toBe('chief');
  expect(await notice.first().textContent()).toContain('Bitte die Quelle nennen.');

  // Kept by the core: a reload of the window still shows it.
  await page.reload();
  await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);

  await notices.getByRole('button', { name: `Changes requested: ${HEADLINE}` }).click();
  await expect.poll(() => page.getByLabel('Headline').inputValue()).toBe(HEADLINE);

  const panel = page.getByRole('region', { name: 'Review comments' });
  const items = panel.getByTestId('comment');
  await expect
    .poll(() => panel.textContent(), { timeout: 10_000 })
    .toContain('Wer hat das gesagt?');
  const chiefComment = items.filter({ hasText: 'Wer hat das gesagt?' });
  // Author names come from the server timeline, which may arrive just after the comments: the
  // chief's display name, the username on hover.
  await expect
    .poll(() => chiefComment.textContent(), { timeout: 10_000 })
    .toContain('Miriam Krause');
  expect(await chiefComment.locator('strong').getAttribute('title')).toBe('chief');
  expect(await chiefComment.textContent()).toContain('on “Der Landschaftsverband Westfalen-Lippe');
  // The reason given with "request changes" is shown too.
  await expect
    .poll(() => items.filter({ hasText: 'Bitte die Quelle nennen.' }).textContent())
    .toContain('requested changes');

  // The author answers, anchored to the second paragraph.
  await panel.getByRole('textbox', { name: 'Comment' }).fill('Quelle ergänzt.');
  // "Current paragraph" is where the cursor was last in the body.
  await page
    .locator('[contenteditable="true"]')
    .getByText('Zweiter Absatz ohne Anmerkung.')
    .click();
  await panel.getByRole('checkbox', { name: 'Anchor to current paragraph' }).check();
  const paragraph = panel.getByRole('combobox', { name: 'Paragraph' });
  await expect.poll(() => paragraph.inputValue()).toBe('p2');
  await panel.getByRole('button', { name: 'Add comment' }).click();
  const mine = items.filter({ hasText: 'Quelle ergänzt.' });
  await expect.poll(() => mine.count()).toBe(1);
  expect(await mine.textContent()).toContain('on “Zweiter Absatz ohne Anmerkung.”');
  // The author's own comment under their display name too (the demo editor is Anna Berg).
  expect(await mine.locator('strong').textContent()).toBe('Anna Berg');
  // Made today: the clock time alone, the whole date and time on hover.
  const when = mine.locator('time');
  expect(await when.textContent()).toMatch(/^\d{1,2}:\d\d\s[AP]M$/);
  expect(await when.getAttribute('title')).toContain(String(new Date().getFullYear()));
  if (shots) await panel.screenshot({ path: join(shots, 'comments-names.png') });

  // It reaches the chief.
  await expect
    .poll(
      async () => {
        await chief.api['sync.now']({});
        return (await chief.api['comments.list']({ articleId })).items.map((c) => c.text);
      },
      { timeout: 20_000, interval: 1000 },
    )
    .toContain('Quelle ergänzt.');

  await notices.getByRole('button', { name: `Dismiss: ${HEADLINE}` }).click();
  await expect.poll(() => notice.count()).toBe(0);
  await page.reload();
  await page.getByLabel('Headline').waitFor();
  expect(await page.getByTestId('notice').count()).toBe(0);
  expect(errors).toEqual([]);
});

/* eslint-disable @typescript-eslint/no-unsafe-call -- pulled JSON is `any`; the assertions check it */
/**
 * Schedule and embargo in the desk UI against the real backend (newsroom zone Europe/Berlin,
 * from the server): a desk chief schedules an approved article from the publish dialog, finds it
 * in the review queue's "Scheduled" section and the "Scheduled" saved view with its badge,
 * reschedules it (a skipped spring hour is refused with the reason), takes it back; an embargo
 * set in the editor's details shows there and in the queue, and the server refuses to publish
 * before it. With COPYDESK_SCREENSHOTS set, the section, the dialog and the embargo panel are
 * saved in light and dark, English and German.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startServer } from '../sync/support/harness';
import { Client, body, completeFields, login } from '../server/helpers';
import type { Started } from '../support/processes';
import { tempDir } from '../support/tmp';
import { type EditorHost, startEditorHost } from './editor-helpers';

const shots = process.env.COPYDESK_SCREENSHOTS;
let h: EditorHost;
let server: Started;
let tmp: ReturnType<typeof tempDir>;
let chief: Client;
const ids = { scheduled: randomUUID(), embargoed: randomUUID() };

/** The article as the server holds it now (pulled from the start of the feed). */
async function serverState(id: string): Promise<Record<string, unknown> | undefined> {
  chief.cursor = 0;
  let found: Record<string, unknown> | undefined;
  for (const p of await chief.pullAll())
    for (const c of p.changes) if (c.entity === 'article' && c.id === id) found = c.data;
  return found;
}

async function openQueue(page: Page, label = 'Review'): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: label }).click();
  await page.locator('.scheduled-queue').waitFor();
}

beforeAll(async () => {
  tmp = tempDir('copydesk-schedule-ui-');
  server = await startServer(`${tmp.dir}/server`);
  h = await startEditorHost();
  chief = new Client(server.url, await login(server.url, 'chief'));
  chief.schemaVersion = '2026-12-t';
  // One approved article to schedule, one in review to embargo.
  const r = await chief.push([
    {
      name: 'article.create',
      args: {
        id: ids.scheduled,
        fields: completeFields({ headline: 'Haushalt 2100 beschlossen', byline: 'ab' }),
        body: body('Der Rat hat den Haushalt beschlossen.'),
      },
    },
    { name: 'article.transition', args: { id: ids.scheduled, from: 'draft', to: 'in_review' } },
    { name: 'article.transition', args: { id: ids.scheduled, from: 'in_review', to: 'approved' } },
    {
      name: 'article.create',
      args: {
        id: ids.embargoed,
        fields: completeFields({ headline: 'Studie zur Luftqualität', byline: 'cd' }),
        body: body('Die Studie erscheint unter Sperrfrist.'),
      },
    },
    { name: 'article.transition', args: { id: ids.embargoed, from: 'draft', to: 'in_review' } },
  ]);
  expect(r.body.outcomes.map((o: { status: string }) => o.status)).toEqual(
    Array(5).fill('applied'),
  );
  await h.call('sync.login', { serverUrl: server.url, username: 'chief', password: 'chief' });
  await h.call('sync.now', {});
});
afterAll(async () => {
  await h?.close();
  await server?.stop();
  tmp?.cleanup();
});

describe('schedule and embargo in the desk (desk chief, real backend)', () => {
  it('schedules, shows the time in the Scheduled section and view, reschedules and takes back', async () => {
    expect((await h.call('sync.status', {})).timeZone).toBe('Europe/Berlin');
    const { page, errors } = await h.open({ hash: `#article=${ids.scheduled}` });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
    await expect
      .poll(() => page.getByTestId('workflow-status').textContent(), { timeout: 15_000 })
      .toBe('Approved');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Publish this article?' });
    await confirm
      .getByLabel('Schedule for (newsroom time, Europe/Berlin)')
      .fill('2099-01-15T06:00');
    await confirm.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect
      .poll(() => serverState(ids.scheduled).then((s) => s?.scheduledAt), { timeout: 15_000 })
      .toBe('2099-01-15T05:00:00.000Z');

    await openQueue(page);
    const section = page.getByRole('region', { name: 'Scheduled' });
    const rows = section.getByTestId('scheduled-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    const time = rows.getByTestId('scheduled-time');
    expect(await time.getAttribute('datetime')).toBe('2099-01-15T05:00:00.000Z');
    expect(await time.textContent()).toMatch(/Thu.*Jan.*15.*2099.*06:00/);
    expect(await rows.textContent()).toContain('Haushalt 2100 beschlossen');

    // The saved view lists it, with its badge in the newsroom zone.
    await page.getByRole('navigation').getByRole('button', { name: 'Articles' }).click();
    await page.getByTestId('list-view').selectOption('scheduled');
    const listRows = page.locator('.row');
    // Only the scheduled article (the one in review is not in the view). The view switch renders
    // a new list: on a loaded CI machine that took longer than expect.poll's default second.
    await expect.poll(() => listRows.count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('scheduled-badge').count()).toBe(1);
    expect(await page.getByTestId('scheduled-badge').textContent()).toBe(
      'Scheduled · Jan 15 06:00',
    );

    // Reschedule: the spring-forward hour is refused with the reason; a real time is kept.
    await openQueue(page);
    await section.getByRole('button', { name: 'Reschedule “Haushalt 2100 beschlossen”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reschedule “Haushalt 2100 beschlossen”' });
    expect(await dialog.getByLabel('Date').inputValue()).toBe('2099-01-15');
    expect(await dialog.getByLabel('Time (Europe/Berlin)').inputValue()).toBe('06:00');
    await dialog.getByLabel('Date').fill('2099-03-29');
    await dialog.getByLabel('Time (Europe/Berlin)').fill('02:30');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    expect(await dialog.getByRole('alert').textContent()).toBe(
      'This time does not exist in Europe/Berlin: the clocks go forward that night.',
    );
    expect((await serverState(ids.scheduled))?.scheduledAt).toBe('2099-01-15T05:00:00.000Z');
    await dialog.getByLabel('Time (Europe/Berlin)').fill('03:30');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(() => rows.getByTestId('scheduled-time').getAttribute('datetime'))
      .toBe('2099-03-29T01:30:00.000Z');
    expect(await serverState(ids.scheduled)).toMatchObject({
      scheduledAt: '2099-03-29T01:30:00.000Z',
      status: 'approved',
    });

    // Take back: gone from the section, the article stays approved on the server.
    await section
      .getByRole('button', { name: 'Take back the schedule of “Haushalt 2100 beschlossen”' })
      .click();
    await expect.poll(() => rows.count()).toBe(0);
    expect(await section.textContent()).toContain('Nothing is scheduled.');
    await expect
      .poll(() => serverState(ids.scheduled).then((s) => s?.scheduledAt ?? null))
      .toBe(null);
    expect((await serverState(ids.scheduled))?.status).toBe('approved');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sets an embargo in the editor; the queue shows it and the server refuses to publish before it', async () => {
    const { page, errors } = await h.open({ hash: `#article=${ids.embargoed}` });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
    const panel = page.getByTestId('embargo-panel');
    expect(await panel.getByTestId('embargo-value').textContent()).toBe(
      'No embargo: it can be published at any time.',
    );
    await panel.getByRole('button', { name: 'Set embargo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embargo for “Studie zur Luftqualität”' });
    // Nothing entered: a reason, nothing written.
    await dialog.getByRole('button', { name: 'Set embargo' }).click();
    expect(await dialog.getByRole('alert').textContent()).toBe('Enter a date and a time.');
    await dialog.getByLabel('Date').fill('2099-02-01');
    await dialog.getByLabel('Time (Europe/Berlin)').fill('09:00');
    await dialog.getByRole('button', { name: 'Set embargo' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(() => panel.getByTestId('embargo-value').textContent())
      .toMatch(/^Not to be published before .*Feb.*2099.*09:00$/);
    await expect
      .poll(() => serverState(ids.embargoed).then((s) => s?.embargoUntil), { timeout: 15_000 })
      .toBe('2099-02-01T08:00:00.000Z');

    // The review queue shows the embargo on the article's row.
    await openQueue(page);
    const row = page.getByTestId('review-queue-row').filter({ hasText: 'Studie zur Luftqualität' });
    expect(await row.getByTestId('embargo-badge').textContent()).toBe('Embargo · Feb 1 09:00');

    // The server refuses publishing before the embargo, whoever asks.
    const r = await chief.push([
      {
        name: 'article.transition',
        args: { id: ids.embargoed, from: 'in_review', to: 'approved' },
      },
      {
        name: 'article.transition',
        args: { id: ids.embargoed, from: 'approved', to: 'published' },
      },
    ]);
    expect(
      r.body.outcomes.map((o: { status: string; code?: string }) => o.code ?? o.status),
    ).toEqual(['applied', 'embargoed']);
    expect((await serverState(ids.embargoed))?.status).toBe('approved');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the status line on screen in German with a schedule and an embargo: one row at 1280, at most two at 1024, nothing off screen or overlapping', async () => {
    // The approval pushed by the test's own client reaches the desk first.
    await h.call('sync.now', {});
    await h.call('articles.schedule', { id: ids.embargoed, at: '2099-02-01T09:00:00.000Z' });
    const { language } = await h.call('settings.get', {});
    await h.call('settings.update', { language: 'de' });
    try {
      const { page, errors } = await h.open({
        locale: 'de-DE',
        hash: `#article=${ids.embargoed}`,
      });
      await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
      // A save in this session, so the line carries its time as well (the byline is unchanged).
      await page.getByLabel('Autorenzeile', { exact: true }).click();
      await page.keyboard.press('End');
      await page.keyboard.type('x');
      await page.keyboard.press('Backspace');
      await page.getByTestId('save-time').waitFor({ state: 'attached' });
      for (const [width, height] of [
        [1280, 800],
        [1024, 768],
      ] as const) {
        await page.setViewportSize({ width, height });
        const bar = page.locator('.article-editor__bar');
        const status = bar.locator('.workflow__status');
        await expect.poll(() => status.getAttribute('title')).toContain('Sperrfrist bis');
        expect(await status.getAttribute('title')).toContain('Geplant für');
        // Every control of the line is inside the window, and the line is one row.
        for (const name of ['Veröffentlichen', 'Schließen']) {
          const box = await bar.getByRole('button', { name, exact: true }).boundingBox();
          expect(box, name).not.toBeNull();
          expect(box!.x + box!.width, `${name} at ${width}`).toBeLessThanOrEqual(width);
        }
        // Schedule and embargo are one compact chip beside the state: the short time shows, the
        // full texts are its title and what a screen reader hears.
        const when = status.getByTestId('workflow-when');
        expect(await when.getAttribute('title')).toMatch(
          /^Geplant für .*1\. Feb\. 2099.*10:00 · Sperrfrist bis .*1\. Feb\. 2099.*09:00$/,
        );
        expect(await when.innerText()).toContain('1. Feb. 10:00');
        expect(await status.evaluate((el) => el.textContent)).toContain(
          (await when.getAttribute('title'))!,
        );
        // The save time stays visible on the line.
        const saveTime = bar.getByTestId('save-time');
        expect(await saveTime.isVisible(), `save time at ${width}`).toBe(true);
        expect((await saveTime.boundingBox())!.x + 30).toBeLessThanOrEqual(width);
        // One row at 1280 (44 px plus its border); at 1024 the panel buttons may take a second.
        const rows = width >= 1280 ? 1 : 2;
        expect((await bar.boundingBox())!.height, `rows at ${width}`).toBeLessThanOrEqual(
          rows * 46,
        );
        if (shots)
          await page.screenshot({ path: join(shots, `status-line-chief-de-${width}.png`) });
        // Nothing lies over anything: Publish ends before the checklist chip begins (same row).
        const publish = await bar.getByRole('button', { name: 'Veröffentlichen' }).boundingBox();
        const chip = await bar.getByTestId('missing-count').boundingBox();
        const sameRow = Math.abs(publish!.y - chip!.y) < publish!.height;
        if (sameRow)
          expect(publish!.x + publish!.width, `at ${width}`).toBeLessThanOrEqual(chip!.x);
      }
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await h.call('settings.update', { language });
    }
  });

  it('keyboard only: the reschedule and embargo dialogs take the focus, keep Tab inside, close on Esc and give the focus back', async () => {
    await h.call('sync.now', {});
    await h.call('articles.schedule', { id: ids.embargoed, at: '2099-02-01T09:00:00.000Z' });
    const { page, errors } = await h.open({ hash: `#article=${ids.embargoed}` });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
    const dialog = page.locator('dialog[open]');
    const inDialog = () => page.evaluate(() => !!document.activeElement?.closest('dialog[open]'));
    const walk = async (key: 'Tab' | 'Shift+Tab', times: number) => {
      const inside: boolean[] = [];
      for (let i = 0; i < times; i++) {
        await page.keyboard.press(key);
        inside.push(await inDialog());
      }
      return inside;
    };
    const checkDialog = async (opener: Locator, name: string) => {
      await opener.focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      expect(await dialog.getAttribute('aria-label')).toBe(name);
      // The focus is in the date field, and stays inside both ways round.
      await expect.poll(inDialog).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('date');
      expect(await walk('Tab', 10)).toEqual(Array(10).fill(true));
      expect(await walk('Shift+Tab', 10)).toEqual(Array(10).fill(true));
      // The page behind is inert.
      await page
        .locator('.app__nav button')
        .first()
        .evaluate((el) => (el as HTMLElement).focus());
      expect(await inDialog()).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
    };

    // The embargo dialog from the editor's details.
    await checkDialog(
      page.getByTestId('embargo-panel').getByRole('button', { name: 'Change', exact: true }),
      'Embargo for “Studie zur Luftqualität”',
    );
    // The reschedule dialog from the review queue's Scheduled section.
    await openQueue(page);
    const reschedule = page.getByRole('button', {
      name: 'Reschedule “Studie zur Luftqualität”',
    });
    await reschedule.waitFor();
    await checkDialog(reschedule, 'Reschedule “Studie zur Luftqualität”');
    // Nothing changed on the server.
    expect(await serverState(ids.embargoed)).toMatchObject({
      scheduledAt: '2099-02-01T09:00:00.000Z',
      embargoUntil: '2099-02-01T08:00:00.000Z',
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it.runIf(Boolean(shots))(
    'screenshots: the Scheduled section, the reschedule dialog and the embargo panel',
    async () => {
      // The approval pushed by the test's own client reaches the desk first.
      await h.call('sync.now', {});
      await h.call('articles.schedule', { id: ids.embargoed, at: '2099-02-01T09:00:00.000Z' });
      for (const theme of ['light', 'dark'] as const) {
        for (const lang of ['en', 'de'] as const) {
          await h.call('settings.update', { theme });
          const { page } = await h.open({
            locale: lang === 'de' ? 'de-DE' : 'en-US',
            hash: `#article=${ids.embargoed}`,
          });
          await page.setViewportSize({ width: 1280, height: 800 });
          await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
          await page.getByTestId('embargo-panel').scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(shots!, `embargo-panel-${theme}-${lang}.png`) });
          await openQueue(page, lang === 'de' ? 'Abnahme' : 'Review');
          await page.getByTestId('scheduled-row').first().waitFor();
          await page.screenshot({ path: join(shots!, `scheduled-${theme}-${lang}.png`) });
          await page.locator('.scheduled-queue__actions button').first().click();
          await page.locator('dialog[open]').waitFor();
          await page.screenshot({ path: join(shots!, `dialog-reschedule-${theme}-${lang}.png`) });
          await page.close();
        }
      }
      await h.call('settings.update', { theme: 'system' });
    },
  );
});

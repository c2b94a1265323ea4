/**
 * The workflow strip of the editor without any server: "Submit for review" stays disabled with
 * the list of what is missing until the checklist holds; "Preview" shows the published page
 * (same template and renderer as the site, site stylesheet under the app's CSP) offline.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixture-article';
import { type EditorHost, openArticle, startEditorHost, waitSaved } from './editor-helpers';

let h: EditorHost;
beforeAll(async () => {
  h = await startEditorHost();
});
afterAll(async () => {
  await h?.close();
});

describe('review workflow in the editor (offline)', () => {
  it('keeps Submit disabled with the missing items, then submits', async () => {
    const f = fixtureArticle();
    const a = await h.call('articles.create', {
      fields: { kicker: f.kicker, headline: f.headline, byline: f.byline, section: f.section },
      body: f.body,
    });
    const { page, errors } = await openArticle(h, a.id);
    const submit = page.getByRole('button', { name: 'Submit for review' });
    await expect.poll(() => submit.isDisabled()).toBe(true);
    const missing = page.getByTestId('checklist-missing');
    await expect.poll(() => missing.textContent()).toMatch(/teaser/i);
    expect(await missing.textContent()).toMatch(/tag/i);
    expect(await missing.textContent()).not.toMatch(/headline/i);
    // The button says why it is disabled.
    const described = await submit.getAttribute('aria-describedby');
    expect(described).toBeTruthy();
    expect(await page.locator(`[id="${described}"]`).textContent()).toMatch(/teaser/i);

    await page.getByLabel('Teaser', { exact: true }).fill(f.teaser);
    await expect.poll(() => missing.textContent()).not.toMatch(/teaser/i);
    expect(await submit.isDisabled()).toBe(true);
    const tags = page.getByRole('combobox', { name: 'Tags', exact: true });
    await tags.pressSequentially('Politik');
    await tags.press('Enter');
    await expect.poll(() => submit.isDisabled()).toBe(false);
    expect(await missing.count()).toBe(0);

    await submit.click();
    await expect.poll(() => page.getByTestId('workflow-status').textContent()).toBe('In review');
    await expect
      .poll(async () => (await h.call('articles.get', { id: a.id })).status)
      .toBe('in_review');
    const stored = await h.call('articles.get', { id: a.id });
    expect(stored.teaser).toBe(f.teaser);
    expect(stored.tags).toEqual(['Politik']);
    // An editor (not signed in) gets no chief actions.
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Submit for review' }).count()).toBe(0);
    // The timeline shows the step waiting for sync.
    await page.getByRole('button', { name: 'Timeline' }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect.poll(() => timeline.textContent()).toMatch(/submitted for review/);
    expect(await timeline.textContent()).toMatch(/waiting for sync/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('previews the article as the published page, offline', async () => {
    const f = fixtureArticle();
    const bytes = readFileSync(new URL('../fixtures/images/iptc-utf8.jpg', import.meta.url));
    const img = await h.call('images.import', {
      fileName: 'lwl.jpg',
      dataBase64: bytes.toString('base64'),
    });
    expect(img.credit).toBe('LWL');
    const a = await h.call('articles.create', {
      fields: {
        kicker: f.kicker,
        headline: f.headline,
        teaser: f.teaser,
        byline: f.byline,
        section: f.section,
        tags: f.tags,
        links: f.links,
        leadImage: { imageId: img.id, caption: 'Das Landeshaus in Münster' },
      },
      body: f.body,
    });
    const { page, errors } = await openArticle(h, a.id);
    await waitSaved(page);
    await page.getByRole('button', { name: 'Preview' }).click();
    const frameEl = page.getByTestId('preview-frame');
    await frameEl.waitFor();
    expect(await frameEl.getAttribute('sandbox')).not.toMatch(/allow-scripts/);
    const frame = page.frameLocator('[data-testid="preview-frame"]');
    await frame.locator('h1').waitFor();
    expect(await frame.locator('.kicker').first().textContent()).toBe(f.kicker);
    expect(await frame.locator('h1').textContent()).toBe(f.headline);
    expect(await frame.locator('.teaser').textContent()).toBe(f.teaser);
    expect(await frame.locator('.body').textContent()).toContain(f.bodyText.slice(0, 80));
    expect(await frame.locator('.byline').textContent()).toBe('(bs)');
    expect(await frame.locator('.tags').textContent()).toBe(
      'Stichwörter: Politik, citeq, Münster, Landschaftsverband Westfalen-Lippe (LWL), LWL.IT',
    );
    expect(await frame.locator('p.credit').textContent()).toBe('Bildquelle: LWL');
    expect(await frame.locator('figure.lead figcaption').textContent()).toContain(
      'Das Landeshaus in Münster',
    );
    expect(await frame.locator('.more h2').textContent()).toContain('Bereich Politik');
    const links = await frame
      .locator('.links a')
      .evaluateAll((as) => as.map((x) => x.getAttribute('href')));
    expect(links).toEqual(['http://www.lwl.it/', 'http://www.citeq.de/']);
    // The lead image is shown from local data and the site stylesheet is applied.
    await expect
      .poll(() =>
        frame.locator('figure.lead img').evaluate((el) => (el as HTMLImageElement).naturalWidth),
      )
      .toBeGreaterThan(0);
    await expect
      .poll(() =>
        frame
          .locator('.kicker')
          .first()
          .evaluate((el) => getComputedStyle(el).color),
      )
      .toBe('rgb(138, 28, 28)');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * The side panel's search and social fields end to end: the slug hint follows the headline until
 * the first publication; meta description, slug and social image typed in the editor sync to the
 * server and the published page carries them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { slugify } from '../../src-shared/model/common';
import { fixture, type FixtureName } from '../fixtures/images/index';
import { fixtureArticle } from '../support/fixture-article';
import { type EditorHost, openArticle, waitSaved } from './editor-helpers';
import { startSyncEditorPair, type SyncEditorPair } from './sync-editor-helpers';

let pair: SyncEditorPair;
let h: EditorHost;

beforeAll(async () => {
  pair = await startSyncEditorPair('copydesk-seo-', 'chief');
  ({ h } = pair);
});
afterAll(async () => {
  await pair?.close();
});

async function importImage(name: FixtureName): Promise<string> {
  const image = await h.call('images.import', {
    fileName: name,
    dataBase64: fixture(name).toString('base64'),
  });
  return image.id;
}

/** The content of the page's <meta name|property=…> tags. */
function meta(html: string, key: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<meta\s+([^>]*)>/g)) {
    const attrs = m[1]!;
    if (!new RegExp(`(?:name|property)="${key}"`).test(attrs)) continue;
    out.push(/content="([^"]*)"/.exec(attrs)?.[1] ?? '');
  }
  return out;
}

it('edits slug, meta description and social image in the side panel; the published page has them', async () => {
  const lead = await importImage('credits-orient6.jpg');
  const social = await importImage('credits.png');
  const f = fixtureArticle();
  const a = await h.call('articles.create', {
    fields: {
      kicker: f.kicker,
      headline: f.headline,
      teaser: f.teaser,
      byline: f.byline,
      section: f.section,
      tags: ['Politik'],
      leadImage: { imageId: lead, caption: 'Das Stadthaus' },
    },
    body: f.body,
  });
  const { page, errors } = await openArticle(h, a.id);
  const slug = page.getByLabel('Web address (slug)');
  const hint = page.locator('.field--slug .hint');

  // Before the first publication the hint is the address the headline would give, and follows it.
  expect(await slug.getAttribute('placeholder')).toBe(slugify(f.headline));
  expect(await hint.textContent()).toContain('empty: made from the headline');
  await page.getByLabel('Headline', { exact: true }).fill('Rat beschließt Haushalt für 2027');
  await expect
    .poll(() => slug.getAttribute('placeholder'))
    .toBe(slugify('Rat beschließt Haushalt für 2027'));

  // A typed slug is cleaned to what the server accepts.
  await slug.fill('Haushalt 2027 beschlossen!');
  await slug.blur();
  await expect.poll(() => slug.inputValue()).toBe('haushalt-2027-beschlossen');
  const description = page.getByLabel('Meta description');
  await description.fill('Der Rat hat den Haushalt für 2027 beschlossen: was sich ändert.');
  await description.blur();

  await page.getByRole('button', { name: 'Choose another image' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose the image for social media' });
  await picker.locator(`button[data-image-id="${social}"]`).click();
  // The picker may ask for the alt text (prefilled from the library) before it closes.
  if (await picker.getByLabel('Alt text').count()) await page.keyboard.press('Enter');
  await expect.poll(() => picker.count()).toBe(0);
  await expect
    .poll(() => page.getByTestId('social-image').getAttribute('data-image-id'))
    .toBe(social);
  await waitSaved(page);

  const saved = await h.call('articles.get', { id: a.id });
  expect(saved).toMatchObject({
    slug: 'haushalt-2027-beschlossen',
    metaDescription: 'Der Rat hat den Haushalt für 2027 beschlossen: was sich ändert.',
    socialImageId: social,
  });

  // Submitted by the editor, approved and published by the chief on another desk.
  await h.call('articles.transition', { id: a.id, to: 'in_review' });
  expect((await h.call('sync.now', {})).state).toBe('idle');
  const chief = pair.b.api;
  await chief['sync.now']({});
  await chief['articles.transition']({ id: a.id, to: 'approved' });
  await chief['articles.transition']({ id: a.id, to: 'published' });
  expect((await chief['sync.now']({})).state).toBe('idle');
  expect((await chief['articles.get']({ id: a.id })).status).toBe('published');

  const res = await fetch(`${pair.server.url}/articles/haushalt-2027-beschlossen`);
  expect(res.status).toBe(200);
  const html = await res.text();
  expect(meta(html, 'description')).toEqual([
    'Der Rat hat den Haushalt für 2027 beschlossen: was sich ändert.',
  ]);
  expect(meta(html, 'og:description')).toEqual([
    'Der Rat hat den Haushalt für 2027 beschlossen: was sich ändert.',
  ]);
  const ogImage = meta(html, 'og:image');
  expect(ogImage).toHaveLength(1);
  expect(ogImage[0]).toContain(`/media/${social}/`);
  expect(ogImage[0]).not.toContain(lead);

  // Published and pulled while the editor is open: the hint says at once that the address stays.
  await h.call('sync.now', {});
  expect((await h.call('articles.get', { id: a.id })).publishedAt).not.toBeNull();
  await expect
    .poll(() => page.locator('.field--slug .hint').textContent(), { timeout: 15_000 })
    .toContain('Published under this address');
  expect(errors).toEqual([]);
});

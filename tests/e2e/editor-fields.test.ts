import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixture-article';
import { bodyFromParagraphs, bodyPlainText } from '../../src-shared/richtext/plainText';
import {
  body,
  type EditorHost,
  openArticle,
  placeholderRoom,
  startEditorHost,
  waitSaved,
} from './editor-helpers';

let h: EditorHost;
beforeAll(async () => {
  h = await startEditorHost();
});
afterAll(async () => {
  await h?.close();
});

describe('article fields', () => {
  it('labels every field in English and German, counts headline/teaser/body', async () => {
    const f = fixtureArticle();
    const a = await h.call('articles.create', {
      fields: { kicker: f.kicker, headline: f.headline, teaser: f.teaser, byline: f.byline },
      body: f.body,
    });
    const { page, errors } = await openArticle(h, a.id);
    for (const name of ['Kicker', 'Headline', 'Teaser', 'Byline', 'Section', 'Tags']) {
      expect(await page.getByLabel(name, { exact: true }).count(), name).toBe(1);
    }
    expect(await page.getByLabel('Kicker', { exact: true }).inputValue()).toBe('Münster/LWL:');
    expect(await page.getByRole('textbox', { name: 'Body', exact: true }).count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Links', exact: true }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Section', exact: true }).count()).toBe(1);

    // Counts against the soft limits from the settings (80 / 300 by default).
    expect(await page.getByTestId('headline-count').textContent()).toBe('26 / 80');
    expect(await page.getByTestId('teaser-count').textContent()).toBe(
      `${[...f.teaser].length} / 300`,
    );
    await page.getByLabel('Headline', { exact: true }).fill('x'.repeat(85));
    await expect
      .poll(() => page.getByTestId('headline-count').textContent())
      .toBe('85 / 80 — 5 over the soft limit');
    await h.call('settings.update', { headlineSoftLimit: 100 });
    await expect.poll(() => page.getByTestId('headline-count').textContent()).toBe('85 / 100');

    // Body statistics: words, characters, reading time of the fixture paragraph.
    const words = f.bodyText.match(/[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu)!.length;
    await expect
      .poll(() => page.getByTestId('body-stats').textContent())
      .toBe(`${words} words · ${f.bodyText.length} characters · 1 min read`);
    await body(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Zwei neue');
    await expect
      .poll(() => page.getByTestId('body-stats').textContent())
      .toBe(`${words + 2} words · ${f.bodyText.length + 10} characters · 1 min read`);
    await waitSaved(page);
    await page.close();
    expect(errors).toEqual([]);

    // German UI.
    await h.call('settings.update', { language: 'de', headlineSoftLimit: 80 });
    const de = await openArticle(h, a.id);
    for (const name of [
      'Dachzeile',
      'Überschrift',
      'Vorspann',
      'Autorenzeile',
      'Ressort',
      'Schlagwörter',
    ]) {
      expect(await de.page.getByLabel(name, { exact: true }).count(), name).toBe(1);
    }
    expect(await de.page.getByRole('textbox', { name: 'Text', exact: true }).count()).toBe(1);
    expect(await de.page.getByRole('group', { name: 'Links', exact: true }).count()).toBe(1);
    await expect.poll(() => de.page.getByTestId('save-status').textContent()).toBe('Gespeichert');
    await h.call('settings.update', { language: 'en' });
    await de.page.close();
    expect(de.errors).toEqual([]);
  });

  it('Enter goes on from kicker to headline to teaser to body, and no field takes a line break', async () => {
    const a = await h.call('articles.create', {
      fields: { teaser: 'Der Vorspann steht.' },
      body: bodyFromParagraphs(['Erster Absatz.']),
    });
    const { page, errors } = await openArticle(h, a.id);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement;
        return el.labels?.[0]?.textContent ?? el.getAttribute('aria-labelledby');
      });
    await page.getByLabel('Kicker', { exact: true }).click();
    await page.keyboard.type('Münster:');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('Headline');
    await page.keyboard.type('Neue Ampel');
    await page.keyboard.press('Shift+Enter'); // no line break, and stays
    expect(await focused()).toBe('Headline');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('Teaser');
    // The cursor lands after the teaser's text, ready to go on writing. The teaser is published
    // as one paragraph: a pasted line break becomes a space, Enter goes on to the body.
    await page.keyboard.type(' Weiter.');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.insertText('\nZweite Zeile.');
    expect(await focused()).toBe('Teaser');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('contenteditable'))).toBe(
      'true',
    );
    // At the body's start.
    await page.keyboard.type('Vorneweg. ');
    await waitSaved(page);
    const stored = await h.call('articles.get', { id: a.id });
    expect([stored.kicker, stored.headline, stored.teaser, bodyPlainText(stored.body)]).toEqual([
      'Münster:',
      'Neue Ampel',
      'Der Vorspann steht. Weiter. Zweite Zeile.',
      'Vorneweg. Erster Absatz.',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adds tags by type-ahead, Enter and comma, ignores duplicates, removes by Backspace and click; picks a section', async () => {
    await h.call('articles.create', {
      fields: { tags: ['Politik', 'citeq', 'Landschaftsverband Westfalen-Lippe (LWL)'] },
    });
    const a = await h.call('articles.create', {});
    const { page, errors } = await openArticle(h, a.id);
    const tags = page.getByRole('combobox', { name: 'Tags', exact: true });
    await tags.fill('Land');
    const option = page.getByRole('option', { name: 'Landschaftsverband Westfalen-Lippe (LWL)' });
    await option.waitFor();
    await tags.press('ArrowDown');
    await tags.press('Enter');
    await tags.pressSequentially('Münster,');
    await tags.pressSequentially('POLITIK');
    await tags.press('Enter');
    await tags.pressSequentially('politik'); // duplicate, any case
    await tags.press('Enter');
    await expect.poll(() => page.getByText('"politik" is already a tag.').count()).toBe(1);
    await tags.pressSequentially('Digitalisierung');
    await tags.press('Enter');
    const chips = () => page.locator('.tags__chip > span').allTextContents();
    await expect
      .poll(chips)
      .toEqual([
        'Landschaftsverband Westfalen-Lippe (LWL)',
        'Münster',
        'POLITIK',
        'Digitalisierung',
      ]);
    await tags.press('Backspace'); // empty box: removes the last tag
    await page.getByRole('button', { name: 'Remove tag Münster' }).click();
    await expect.poll(chips).toEqual(['Landschaftsverband Westfalen-Lippe (LWL)', 'POLITIK']);

    await page
      .getByRole('combobox', { name: 'Section', exact: true })
      .selectOption({ label: 'Digitalisierung' });
    await waitSaved(page);
    const stored = await h.call('articles.get', { id: a.id });
    expect(stored.tags).toEqual(['Landschaftsverband Westfalen-Lippe (LWL)', 'POLITIK']);
    expect(stored.section).toBe('digitalisierung');
    const options = await page
      .getByRole('combobox', { name: 'Section' })
      .locator('option')
      .allTextContents();
    expect(options).toEqual([
      '— no section —',
      'Politik',
      'Digitalisierung',
      'Verwaltung',
      'Wirtschaft',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const lang of ['en', 'de'] as const) {
    it(`${lang}: the tag box's placeholder and the social image's note are whole beside five tags, at 1280 and 1024`, async () => {
      const a = await h.call('articles.create', {
        fields: {
          tags: [
            'Politik',
            'citeq',
            'Münster',
            'Landschaftsverband Westfalen-Lippe (LWL)',
            'LWL.IT',
          ],
        },
      });
      await h.call('settings.update', { language: lang });
      try {
        const { page, errors } = await openArticle(h, a.id);
        const input = page.locator('.field--tags input');
        for (const width of [1280, 1024]) {
          await page.setViewportSize({ width, height: 800 });
          const details = page.locator('aside.details');
          if (width < 1200) {
            // Made narrow, the page closed the details (they would cover the text): open them.
            await expect.poll(() => details.isVisible()).toBe(false);
            await page.locator('.article-editor__bar [aria-controls]').click();
          }
          await input.waitFor();
          const { text, room } = await placeholderRoom(input);
          expect(text, `${width}`).toBeGreaterThan(40);
          expect(text, `${width}`).toBeLessThanOrEqual(room);
          // With no image at all, the social media image field says what is used, whole, and
          // shows no empty picture frame.
          const social = page.getByTestId('social-image');
          await social.scrollIntoViewIfNeeded();
          expect(await social.locator('.lead-image__thumb').count()).toBe(0);
          const note = social.locator('.lead-image__note');
          expect(await note.textContent()).toBe(
            lang === 'de'
              ? 'Keins: das erste Bild des Artikels'
              : 'None: the first image of the article',
          );
          const cut = await note.evaluate((el) => {
            const r = el.getBoundingClientRect();
            const panel = el.closest('aside')!.getBoundingClientRect();
            return el.scrollWidth > el.clientWidth || r.right > panel.right + 0.5;
          });
          expect(cut, `${width}`).toBe(false);
        }
        expect(errors).toEqual([]);
        await page.close();
      } finally {
        await h.call('settings.update', { language: 'en' });
      }
    });
  }

  it('keeps an ordered list of links and refuses bad addresses with a message', async () => {
    const a = await h.call('articles.create', {});
    const { page, errors } = await openArticle(h, a.id);
    const links = page.getByRole('group', { name: 'Links', exact: true });
    await links.getByRole('button', { name: 'Add link' }).click();
    await links.getByLabel('Link 1 address').fill('http://www.lwl.it');
    await links.getByLabel('Link 1 text').fill('www.lwl.it');
    await links.getByRole('button', { name: 'Add link' }).click();
    await links.getByLabel('Link 2 address').fill('javascript:alert(1)');
    await expect
      .poll(() => links.getByRole('alert').textContent())
      .toBe(
        'Links with "javascript:" are not allowed; only https, http and mailto. Not saved until the address is valid.',
      );
    await links.getByLabel('Link 2 address').fill('https://user:pw@www.citeq.de');
    await expect
      .poll(() => links.getByRole('alert').textContent())
      .toContain('user name or password');
    await links.getByLabel('Link 2 address').fill('http://www.citeq.de');
    await links.getByLabel('Link 2 text').fill('www.citeq.de');
    await expect.poll(() => links.getByRole('alert').count()).toBe(0);
    await waitSaved(page);
    expect((await h.call('articles.get', { id: a.id })).links).toEqual([
      { url: 'http://www.lwl.it/', label: 'www.lwl.it' },
      { url: 'http://www.citeq.de/', label: 'www.citeq.de' },
    ]);
    await links.getByRole('button', { name: 'Move link 2 up' }).click();
    await waitSaved(page);
    expect((await h.call('articles.get', { id: a.id })).links.map((l) => l.label)).toEqual([
      'www.citeq.de',
      'www.lwl.it',
    ]);
    await links.getByRole('button', { name: 'Remove link 1' }).click();
    await waitSaved(page);
    expect((await h.call('articles.get', { id: a.id })).links.map((l) => l.label)).toEqual([
      'www.lwl.it',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('edits the web address (slug) before publication, as a slug the server accepts', async () => {
    const a = await h.call('articles.create', {
      fields: { headline: 'Rat beschließt Haushalt' },
      body: fixtureArticle().body,
    });
    const { page, errors } = await openArticle(h, a.id);
    const slug = page.getByLabel('Web address (slug)', { exact: true });
    // empty: publication makes it from the headline, which the placeholder shows
    expect(await slug.inputValue()).toBe('');
    expect(await slug.getAttribute('placeholder')).toBe('rat-beschliesst-haushalt');
    expect(await slug.isEditable()).toBe(true);
    await slug.fill('  Haushalt 2027: Köln spart! ');
    await slug.press('Tab');
    expect(await slug.inputValue()).toBe('haushalt-2027-koeln-spart');
    await waitSaved(page);
    expect((await h.call('articles.get', { id: a.id })).slug).toBe('haushalt-2027-koeln-spart');
    // emptied again: back to the derived slug
    await slug.fill('');
    await slug.press('Tab');
    await waitSaved(page);
    expect((await h.call('articles.get', { id: a.id })).slug).toBe('');
    await page.close();
    expect(errors).toEqual([]);
  });
});

/**
 * Issue #17.6, the whole suggestion story against the real backend: the desk chief, with the
 * backend down, suggests a new headline and an added sentence on an editor's article in review
 * and sends it back; when the backend returns both desks sync. The author sees both suggestions
 * with the chief's name, accepts the sentence and rejects the headline; after approval the
 * published page shows exactly the accepted text.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Started } from '../support/processes';
import { restartableBackend, syncAll } from './restartable-backend';
import { tempDir } from '../support/tmp';
import { completeFields } from '../server/helpers';
import { bodyFromParagraphs } from '../../src-shared/richtext/plainText';
import { ensureBlockIdsJson } from '../../src-shared/richtext/blockIds';
import { body, type EditorHost, openArticle, settle, startEditorHost } from './editor-helpers';

let tmp: ReturnType<typeof tempDir>;
let server: Started;
let author: EditorHost;
let chief: EditorHost;

let startBackend: () => Promise<Started>;

beforeAll(async () => {
  tmp = tempDir('copydesk-suggest-story-');
  ({ start: startBackend } = await restartableBackend(tmp.dir));
  server = await startBackend();
  author = await startEditorHost();
  chief = await startEditorHost();
  await author.call('sync.login', {
    serverUrl: server.url,
    username: 'editor',
    password: 'editor',
  });
  await chief.call('sync.login', { serverUrl: server.url, username: 'chief', password: 'chief' });
});
afterAll(async () => {
  await author?.close();
  await chief?.close();
  await server?.stop();
  tmp?.cleanup();
});

it('chief suggests offline; the author accepts one, rejects the other; the page shows exactly the accepted text', async () => {
  const headline = 'Rat tagt zum Haushalt';
  const added = ' Die Sitzung beginnt um 17 Uhr.';
  const a = await author.call('articles.create', {
    fields: completeFields({ headline }),
    body: ensureBlockIdsJson(
      bodyFromParagraphs(['Der Rat tagt am Montag.', 'Die Sitzung ist öffentlich.']),
    ),
  });
  await author.call('articles.transition', { id: a.id, to: 'in_review' });
  await syncAll(author);
  await syncAll(chief);

  // The backend goes down; the chief works on.
  await server.stop();
  const ch = await openArticle(chief, a.id);
  const toggle = ch.page.getByRole('button', { name: /^Suggest changes/ });
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
  await ch.page.getByLabel('Headline', { exact: true }).fill('Rat beschließt den Haushalt');
  await body(ch.page).click();
  await ch.page.keyboard.press('Control+Home');
  await ch.page.keyboard.press('End');
  await settle(ch.page);
  await ch.page.keyboard.type(added);
  await expect
    .poll(() => ch.page.getByTestId('suggestion-list').textContent(), { timeout: 15_000 })
    .toMatch(/2 open/);
  await expect
    .poll(async () => (await chief.call('articles.get', { id: a.id })).fieldSuggestions, {
      timeout: 15_000,
    })
    .toMatchObject([{ field: 'headline', value: 'Rat beschließt den Haushalt', author: 'chief' }]);
  await expect
    .poll(async () => JSON.stringify((await chief.call('articles.get', { id: a.id })).body))
    .toContain('"kind":"insert"');
  await chief.call('articles.transition', {
    id: a.id,
    to: 'draft',
    comment: 'Zwei Vorschläge, bitte ansehen.',
  });
  const offline = await chief.call('sync.now', {});
  expect(offline.pending).toBeGreaterThan(0);
  expect(ch.errors).toEqual([]);
  await ch.page.close();

  // The backend is back: the chief's queued work arrives on the author's desk.
  server = await startBackend();
  await syncAll(chief);
  await syncAll(author);
  const ed = await openArticle(author, a.id);
  const list = ed.page.getByTestId('suggestion-list');
  await expect.poll(() => list.textContent(), { timeout: 15_000 }).toMatch(/2 open/);
  const text = (await list.textContent()) ?? '';
  await expect.poll(() => list.textContent()).toContain('Miriam Krause'); // the chief's name
  expect(text).toContain('Rat beschließt den Haushalt');
  expect(text).toContain(added.trim());
  // Nothing of a suggestion is in the author's fields until decided.
  expect(await ed.page.getByLabel('Headline', { exact: true }).inputValue()).toBe(headline);

  await list.getByRole('button', { name: `Accept: ${added.trim()}` }).click();
  await list.getByRole('button', { name: 'Reject: Rat beschließt den Haushalt' }).click();
  const decisions = ed.page.getByRole('button', { name: /^(Accept|Reject): / });
  await expect.poll(() => decisions.count(), { timeout: 15_000 }).toBe(0);
  expect(await ed.page.locator('[data-code="open_suggestions"]').count()).toBe(0);
  await expect
    .poll(
      async () => {
        const stored = await author.call('articles.get', { id: a.id });
        return [stored.headline, stored.fieldSuggestions, JSON.stringify(stored.body)];
      },
      { timeout: 15_000 },
    )
    .toEqual([headline, [], expect.not.stringContaining('"suggestion"')]);
  await author.call('articles.transition', { id: a.id, to: 'in_review' });
  await syncAll(author);
  expect(ed.errors).toEqual([]);
  await ed.page.close();

  // The chief approves and publishes; the page shows the accepted sentence, not the headline.
  await syncAll(chief);
  await chief.call('articles.transition', { id: a.id, to: 'approved' });
  await chief.call('articles.transition', { id: a.id, to: 'published' });
  await syncAll(chief);
  const published = (await (await fetch(`${server.url}/api/v1/published`)).json()) as {
    items: { slug: string; headline: string }[];
  };
  const slug = published.items.find((i) => i.headline === headline)?.slug;
  expect(slug).toBeDefined();
  const page = await (await fetch(`${server.url}/articles/${slug}`)).text();
  expect(page).toContain(`<h1>${headline}</h1>`);
  expect(page).not.toContain('Rat beschließt den Haushalt');
  expect(page).toContain(`<p>Der Rat tagt am Montag.${added}</p>`);
  expect(page).toContain('<p>Die Sitzung ist öffentlich.</p>');
});

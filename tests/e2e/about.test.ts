/**
 * Settings → About: the version (package.json's), profile and log folders, "Copy diagnostics"
 * (versions, system, sync state; no article text) and "Open log folder", in English and German.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEditorHost, type EditorHost } from './editor-helpers';

const shots = process.env.COPYDESK_SCREENSHOTS;
const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
  version: string;
};

let h: EditorHost;
beforeAll(async () => {
  h = await startEditorHost();
});
afterAll(async () => {
  await h?.close();
});

describe('Settings → About', () => {
  it('shows the version and folders and copies diagnostics without content', async () => {
    await h.call('articles.create', { fields: { headline: 'Heimlicher Zwiebelkuchen' } });
    const { page, errors } = await h.open({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.getByRole('button', { name: 'Settings' }).click();
    const about = page.getByRole('region', { name: 'About Copydesk' });
    await about.waitFor();
    expect(await about.getByTestId('app-version').textContent()).toBe(pkg.version);
    expect(await about.textContent()).toContain(join(h.profile, 'logs'));

    await about.getByRole('button', { name: 'Copy diagnostics' }).click();
    await about.getByRole('status').getByText('Diagnostics copied to the clipboard.').waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain(`Copydesk ${pkg.version} (browser)`);
    expect(text).toMatch(/Schema: local database \d+, sync \S+, protocol \d+/);
    expect(text).toMatch(/Sync: \w+, signed out, 1 pending, 0 conflicts/);
    expect(text).not.toContain('Zwiebelkuchen');
    if (shots)
      await page.screenshot({ path: join(shots, 'settings-about-en.png'), fullPage: true });

    await about.getByRole('button', { name: 'Open log folder' }).click();
    // Opened where there is a desktop; elsewhere the folder is named instead.
    await expect
      .poll(async () => {
        const t = (await about.getByRole('status').textContent()) ?? '';
        return (
          t === 'The log folder is open in your file manager.' ||
          (t.startsWith('No file manager could be opened here.') &&
            t.includes(join(h.profile, 'logs')))
        );
      })
      .toBe(true);
    // The open-source components this build ships, with their licences.
    await about.getByText('Open-source components and their licences').click();
    const components = about.getByRole('list', {
      name: 'Open-source components and their licences',
    });
    await components.getByText(/^react \d+\.\d+\.\d+ — MIT$/).waitFor();
    await components.getByText(/^lexical 0\.52\.0 — MIT$/).waitFor();
    expect(await components.getByText(/^vitest /).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is in German when the app is', async () => {
    const { page } = await h.open({ locale: 'de-DE' });
    await page.getByRole('button', { name: 'Einstellungen' }).click();
    const about = page.getByRole('region', { name: 'Über Copydesk' });
    await about.getByRole('button', { name: 'Diagnose kopieren' }).waitFor();
    await about.getByRole('button', { name: 'Protokollordner öffnen' }).waitFor();
    if (shots)
      await page.screenshot({ path: join(shots, 'settings-about-de.png'), fullPage: true });
    await page.close();
  });
});

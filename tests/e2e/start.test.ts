import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTs, type Started } from '../support/processes';
import { tempDir } from '../support/tmp';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

let browser: Browser;
const started: Started[] = [];
const dirs: (() => void)[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const s of started.reverse()) await s.stop();
  for (const c of dirs) c();
});

function launch(profile: string, env: Record<string, string>, user: string): Promise<Started> {
  return startTs(
    'scripts/launch.ts',
    ['--browser', '--profile', profile, '--user', user],
    /Copydesk browser mode: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/,
    60_000,
    env,
  );
}

describe('npm start', () => {
  it('starts the local backend with demo content, signs each profile in, and a second profile reuses the backend', async () => {
    const server = tempDir('copydesk-server-');
    const a = tempDir();
    const b = tempDir();
    dirs.push(server.cleanup, a.cleanup, b.cleanup);
    const env = {
      COPYDESK_SERVER_PORT: String(await freePort()),
      COPYDESK_SERVER_DATA: server.dir,
    };

    const editor = await launch(a.dir, env, 'editor');
    started.push(editor);
    expect(editor.output()).toMatch(/Copydesk local backend: http:\/\/127\.0\.0\.1:\d+ \(data in /);
    expect(editor.output()).toMatch(/password equals the name \(demo only\)/);
    expect(editor.output()).toMatch(/Signed in as editor/);
    const site = /Published site: (http:\/\/127\.0\.0\.1:\d+)\//.exec(editor.output())![1]!;

    // The published fixture article is on the site…
    const page = await fetch(`${site}/articles/it-kooperation-beschlossen`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Bildquelle: LWL');

    // …and arrives in the editor's app by sync.
    const tab = await browser.newPage({ locale: 'en-US' });
    await tab.goto(editor.url);
    await expect
      .poll(
        () =>
          tab
            .getByRole('list', { name: 'Articles' })
            .getByText('IT-Kooperation beschlossen')
            .count(),
        { timeout: 30_000 },
      )
      .toBe(1);
    await tab.close();

    const chief = await launch(b.dir, env, 'chief');
    started.push(chief);
    expect(chief.output()).toMatch(/already running; reused/);
    expect(chief.output()).toMatch(/Signed in as chief/);

    // The embedded backend logs its requests to a file in its data folder, without tokens.
    const logs = join(server.dir, 'logs');
    const lines = readdirSync(logs)
      .flatMap((f) => readFileSync(join(logs, f), 'utf8').split('\n'))
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { req?: { url: string }; res?: { statusCode: number } });
    expect(
      lines.some((l) => l.req?.url.startsWith('/api/v1/sync/pull') && l.res?.statusCode === 200),
    ).toBe(true);
    const logText = readdirSync(logs)
      .map((f) => readFileSync(join(logs, f), 'utf8'))
      .join('');
    const token = readFileSync(join(a.dir, 'sync-token'), 'utf8').trim();
    expect(token.length).toBeGreaterThan(20);
    expect(logText).not.toContain(token);
  });
});

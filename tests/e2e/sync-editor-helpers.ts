/**
 * Set-up shared by the sync-editor e2e files: the real backend, one browser-mode profile (A,
 * signed in as editor) and one in-process client (B, signed in as `bUser`).
 */
import type { Page } from 'playwright-core';
import { tempDir } from '../support/tmp';
import type { Started } from '../support/processes';
import { openClient, signIn, startServer, type Client } from '../sync/support/harness';
import { body, type EditorHost, startEditorHost } from './editor-helpers';

export interface SyncEditorPair {
  server: Started;
  h: EditorHost;
  b: Client;
  close(): Promise<void>;
}

/** `aEnv`: for A's browser-mode process (e.g. COPYDESK_PUSH_DELAY_MS). */
export async function startSyncEditorPair(
  prefix: string,
  bUser: string,
  aEnv: Record<string, string> = {},
): Promise<SyncEditorPair> {
  const tmp = tempDir(prefix);
  const server = await startServer(`${tmp.dir}/server`);
  const h = await startEditorHost({ env: aEnv });
  await h.call('sync.login', { serverUrl: server.url, username: 'editor', password: 'editor' });
  const b = await openClient(tmp.dir, 'b');
  await signIn(b, server.url, bUser);
  return {
    server,
    h,
    b,
    async close() {
      await b.close();
      await h.close();
      await server.stop();
      tmp.cleanup();
    },
  };
}

/** The texts of the editor's top-level paragraphs, as shown. */
export const paragraphs = (page: Page) =>
  body(page)
    .locator(':scope > p')
    .evaluateAll((ps) => ps.map((p) => p.textContent ?? ''));

/** Real backend process + in-process desktop cores for the sync tests. */
import { join } from 'node:path';
import { createDesktopApi, type DesktopApi } from '../../../src-shared/api';
import { openCore } from '../../../src-main/core/core';
import type { CoreHandle, CoreOptions } from '../../../src-main/core/types';
import { startTs, type Started } from '../../support/processes';
import { tempDir } from '../../support/tmp';
import { createTestDatabase } from '../../support/postgres';
import { testPgAdminUrl } from '../../support/pgTestRun';
import type { BodyJson } from '../../../src-shared/model';
import { body, paragraph, text } from '../../../src-shared/richtext/builders';

/** The PostgreSQL database of each server folder (PostgreSQL projects): a restart reuses it. */
const databases = new Map<string, string>();

/**
 * The backend as a real process: SQLite in dataDir, or in the PostgreSQL test projects a fresh
 * database on the test cluster (the same one again when restarted with the same dataDir).
 */
export async function startServer(
  dataDir: string,
): Promise<Started & { dataDir: string; databaseUrl: string | undefined }> {
  const adminUrl = testPgAdminUrl();
  let databaseUrl = databases.get(dataDir);
  if (adminUrl && !databaseUrl) {
    databaseUrl = await createTestDatabase(adminUrl);
    databases.set(dataDir, databaseUrl);
  }
  const started = await startTs(
    'src-server/cli.ts',
    [
      '--data',
      dataDir,
      '--port',
      '0',
      '--demo',
      ...(databaseUrl ? ['--database', databaseUrl] : []),
    ],
    /listening on (http:\/\/[0-9.:]+)/,
  );
  return { ...started, dataDir, databaseUrl };
}

export interface Client {
  name: string;
  dir: string;
  core: CoreHandle;
  api: DesktopApi;
  close(): Promise<void>;
}

export async function openClient(
  root: string,
  name: string,
  sync: CoreOptions['sync'] = {},
): Promise<Client> {
  const dir = join(root, name);
  const core = await openCore({
    profileDir: dir,
    host: 'cli',
    backgroundIntegrityCheck: false,
    sync: { timeoutMs: 5000, ...sync },
  });
  const api = createDesktopApi({
    call: (m, i) => core.call(m, i),
    onEvent: (l) => core.onEvent(l),
  });
  return { name, dir, core, api, close: () => core.close() };
}

export async function signIn(c: Client, url: string, user: string): Promise<void> {
  await c.api['sync.login']({ serverUrl: url, username: user, password: user });
}

/** A body with one paragraph per entry; entries are [blockId, text]. */
export function bodyOf(blocks: [string, string][]): BodyJson {
  return body(...blocks.map(([id, t]) => paragraph([text(t)], id))) as BodyJson;
}

/** The texts of a body's paragraphs, in order. */
export function textsOf(b: { root: { children: unknown[] } }): string[] {
  return b.root.children.map((c) =>
    ((c as { children?: { text?: string }[] }).children ?? []).map((t) => t.text ?? '').join(''),
  );
}

export interface Backend {
  server: Awaited<ReturnType<typeof startServer>>;
  /** A new in-process client profile signed in as `user` (closed by `close`). */
  client(name: string, user: string): Promise<Client>;
  close(): Promise<void>;
}

/** The real backend process with a temporary data folder, and the clients a test opens on it. */
export async function startBackend(prefix: string): Promise<Backend> {
  const tmp = tempDir(prefix);
  const server = await startServer(join(tmp.dir, 'server'));
  const clients: Client[] = [];
  return {
    server,
    async client(name, user) {
      const c = await openClient(tmp.dir, name);
      clients.push(c);
      await signIn(c, server.url, user);
      return c;
    },
    async close() {
      for (const c of clients) await c.close();
      await server.stop();
      tmp.cleanup();
    },
  };
}

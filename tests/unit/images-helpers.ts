import Database from 'better-sqlite3';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDesktopApi, type CoreEvent, type DesktopApi } from '../../src-shared/api';
import { databasePath, openCore } from '../../src-main/core/core';
import type { CoreHandle } from '../../src-main/core/types';
import { tempDir } from '../support/tmp';

export interface ImageDesk {
  api: DesktopApi;
  core: CoreHandle;
  dir: string;
  events: CoreEvent[];
  close(): Promise<void>;
}

/** A core on a fresh profile, reached through the typed DesktopApi as the renderer reaches it. */
export async function openDesk(): Promise<ImageDesk> {
  const { dir, cleanup } = tempDir('copydesk-images-');
  const core = await openCore({ profileDir: dir, host: 'cli', backgroundIntegrityCheck: false });
  const api = createDesktopApi({
    call: (m, i) => core.call(m, i),
    onEvent: (l) => core.onEvent(l),
  });
  const events: CoreEvent[] = [];
  core.onEvent((e) => events.push(e));
  return {
    api,
    core,
    dir,
    events,
    async close() {
      await core.close();
      cleanup();
    },
  };
}

export function rows<T = Record<string, unknown>>(dir: string, sql: string): T[] {
  const db = new Database(databasePath(dir), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** Every file under the profile's blobs/ and renditions/ folders. */
export function storedFiles(dir: string): string[] {
  const out: string[] = [];
  for (const top of ['blobs', 'renditions']) {
    const root = join(dir, top);
    if (!existsSync(root)) continue;
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) out.push(join(entry.parentPath, entry.name).slice(dir.length + 1));
    }
  }
  return out.sort();
}

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../core/core';
import type { CoreHandle } from '../core/types';
import { openFolderWithSystem } from './open-folder';
import { startHarness, type Harness } from './server';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export function defaultProfileDir(): string {
  return process.env.COPYDESK_PROFILE ?? join(homedir(), '.copydesk', 'default');
}

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`A port must be a number from 0 to 65535, not "${value}".`);
  }
  return port;
}

export interface BrowserMode {
  core: CoreHandle;
  harness: Harness;
  stop(): Promise<void>;
}

/** Hosts the core and the built renderer on 127.0.0.1; SIGTERM/SIGINT close both cleanly. */
export async function runBrowserMode(opts: {
  profileDir: string;
  port: number;
  rendererDir?: string;
  core?: CoreHandle;
  /** Test-only triggers in the window (end-to-end tests). */
  testHooks?: boolean;
}): Promise<BrowserMode> {
  const rendererDir = resolve(opts.rendererDir ?? join(repoRoot, 'out', 'renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer at ${rendererDir}. Run "npm run build" first.`);
  }
  const core =
    opts.core ??
    (await openCore({
      profileDir: opts.profileDir,
      host: 'browser',
      openFolder: openFolderWithSystem,
      ...(opts.testHooks ? { testHooks: true } : {}),
    }));
  const harness = await startHarness({ core, rendererDir, port: opts.port });
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await harness.close();
      await core.close();
    })());
  return { core, harness, stop };
}

/**
 * A publishing backend on a fixed port, so a test can stop it (the desks go offline) and start it
 * again at the same address; and a sync that runs until nothing waits.
 */
import { join } from 'node:path';
import { startTs, type Started } from '../support/processes';
import type { EditorHost } from './editor-helpers';

/** Finds a free port once; `start()` starts the demo backend on it with its data in `dir`. */
export async function restartableBackend(
  dir: string,
): Promise<{ args: string[]; start: () => Promise<Started> }> {
  const probe = await startTs(
    'src-server/cli.ts',
    ['--data', join(dir, 'probe'), '--port', '0'],
    /listening on http:\/\/127\.0\.0\.1:(\d+)/,
  );
  const port = probe.url;
  await probe.stop();
  const args = ['--data', join(dir, 'server'), '--port', port, '--demo'];
  return {
    args,
    start: () => startTs('src-server/cli.ts', args, /listening on (http:\/\/127\.0\.0\.1:\d+)/),
  };
}

/** Syncs until nothing is waiting (a push can need a second round after a pull). */
export async function syncAll(h: EditorHost): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const s = await h.call('sync.now', {});
    if (s.pending === 0 && s.state !== 'error') return;
  }
  throw new Error(`sync did not settle: ${JSON.stringify(await h.call('sync.status', {}))}`);
}

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openCore } from '../core/core';
import { StoreError } from '../core/store/errors';
import { startHarness } from './server';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export function defaultProfileDir(): string {
  return process.env.COPYDESK_PROFILE ?? join(homedir(), '.copydesk', 'default');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      profile: { type: 'string' },
      port: { type: 'string', default: '0' },
      renderer: { type: 'string' },
    },
    strict: true,
  });
  const profileDir = resolve(values.profile ?? defaultProfileDir());
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  const rendererDir = resolve(values.renderer ?? join(repoRoot, 'out', 'renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer at ${rendererDir}. Run "npm run build" first.`);
  }

  const core = await openCore({ profileDir, host: 'browser' });
  const harness = await startHarness({ core, rendererDir, port });
  process.stdout.write(`Copydesk browser mode: ${harness.url}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await harness.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((e: unknown) => {
  const message = e instanceof StoreError || e instanceof Error ? e.message : String(e);
  process.stderr.write(`Copydesk could not start: ${message}\n`);
  process.exit(1);
});

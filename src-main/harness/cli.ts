import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultProfileDir, parsePort, runBrowserMode } from './run';

/** `node --import tsx src-main/harness/cli.ts --profile DIR --port P`: browser mode alone. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      profile: { type: 'string' },
      port: { type: 'string', default: '0' },
      renderer: { type: 'string' },
      // End-to-end tests only: lets a test make a view throw (see src-renderer/views/CrashProbe.tsx).
      'test-hooks': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const mode = await runBrowserMode({
    profileDir: resolve(values.profile ?? defaultProfileDir()),
    port: parsePort(values.port, 0),
    ...(values.renderer ? { rendererDir: values.renderer } : {}),
    testHooks: values['test-hooks'],
  });
  process.stdout.write(`Copydesk browser mode: ${mode.harness.url}\n`);
  const stop = () => void mode.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`Copydesk could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

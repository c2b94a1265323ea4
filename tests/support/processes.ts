import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { nodeArgsFor } from './test-bin';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** How long a started process may take to say it is ready. A server loads tsx and its modules
 * at start: about 6 s on an idle slow machine here, several times that on a loaded one. */
export const START_TIMEOUT_MS = 90_000;

export interface Started {
  child: ChildProcess;
  /** The URL parsed from the process's start-up line. */
  url: string;
  output: () => string;
  /** SIGTERM, wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL: an unclean death. */
  kill(): Promise<void>;
}

/** Starts a TypeScript entry point (its test bundle, or with tsx: test-bin.ts) and waits for the line matching `ready`. */
export function startTs(
  entry: string,
  args: string[],
  ready: RegExp,
  timeoutMs = START_TIMEOUT_MS,
  env: Record<string, string> = {},
): Promise<Started> {
  const child = spawn(process.execPath, [...nodeArgsFor(entry), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_NO_WARNINGS: '1', ...env },
  });
  let out = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not start within ${timeoutMs} ms. Output:\n${out}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePromise({
          child,
          url: m[1] ?? m[0],
          output: () => out,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
          },
          kill: async () => {
            if (child.exitCode === null) child.kill('SIGKILL');
            await exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before it was ready. Output:\n${out}`));
    });
  });
}

export interface BrowserModeOptions {
  /** Extra command-line arguments for the host (e.g. --test-hooks). */
  args?: string[];
  /** Extra environment for the host process (e.g. COPYDESK_PUSH_DELAY_MS). */
  env?: Record<string, string>;
}

export function startBrowserMode(
  profileDir: string,
  port = 0,
  options: BrowserModeOptions = {},
): Promise<Started> {
  const { args = [], env = {} } = options;
  return startTs(
    'src-main/harness/cli.ts',
    ['--profile', profileDir, '--port', String(port), ...args],
    /Copydesk browser mode: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/,
    START_TIMEOUT_MS,
    env,
  );
}

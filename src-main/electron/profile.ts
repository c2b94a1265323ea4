import { resolve } from 'node:path';

/**
 * The profile folder from `--profile DIR` or `--profile=DIR`, resolved against `cwd`;
 * `fallback` when the flag is absent. The last occurrence wins, like most CLIs.
 */
export function resolveProfileDir(argv: readonly string[], fallback: string, cwd: string): string {
  let chosen: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--profile') {
      const next = argv[i + 1];
      if (next === undefined || next === '' || next.startsWith('--')) {
        throw new Error('--profile needs a folder, e.g. --profile ~/copydesk-test');
      }
      chosen = next;
      i++;
    } else if (arg?.startsWith('--profile=')) {
      const value = arg.slice('--profile='.length);
      if (value === '')
        throw new Error('--profile= needs a folder, e.g. --profile=~/copydesk-test');
      chosen = value;
    }
  }
  return resolve(cwd, chosen ?? fallback);
}

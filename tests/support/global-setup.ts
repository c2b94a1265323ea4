import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './processes';

/** End-to-end tests drive the built renderer; build it once if `npm test` has not already. */
export default function setup(): void {
  if (!existsSync(join(repoRoot, 'out', 'renderer', 'index.html'))) {
    execFileSync(
      process.execPath,
      [join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      {
        cwd: repoRoot,
        stdio: 'inherit',
      },
    );
  }
}

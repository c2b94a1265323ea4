/**
 * The open-source components Copydesk ships, with their licences, for About: every package the
 * lockfile marks as needed at run time (not dev-only). Written into the renderer build as
 * licenses.json by electron.vite.config.ts, so the list always matches what was built.
 */
import { readFileSync } from 'node:fs';

export interface Component {
  name: string;
  version: string;
  license: string;
}

interface LockEntry {
  version?: string;
  license?: string;
  dev?: boolean;
  devOptional?: boolean;
}

export function bundledComponents(lock: { packages: Record<string, LockEntry> }): Component[] {
  const seen = new Map<string, Component>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev || entry.devOptional || !entry.version) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const c = { name, version: entry.version, license: entry.license ?? 'see package' };
    seen.set(`${c.name}@${c.version}`, c);
  }
  return [...seen.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
  );
}

export function bundledComponentsFrom(lockPath: string): Component[] {
  return bundledComponents(
    JSON.parse(readFileSync(lockPath, 'utf8')) as { packages: Record<string, LockEntry> },
  );
}

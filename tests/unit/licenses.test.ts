import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { bundledComponents, bundledComponentsFrom } from '../../scripts/licenses';
import { ROOT } from '../../scripts/icon-set';

describe('bundled components for About', () => {
  it('lists the run-time packages of the lockfile with their licences, not the dev tools', () => {
    const list = bundledComponentsFrom(join(ROOT, 'package-lock.json'));
    const byName = new Map(list.map((c) => [c.name, c]));
    for (const name of ['react', 'lexical', 'better-sqlite3', 'zod', 'electron-updater', 'pino'])
      expect(byName.get(name)?.license, name).toMatch(/MIT|Apache|BSD|ISC/);
    for (const dev of ['vitest', 'electron-builder', 'typescript', 'eslint'])
      expect(byName.has(dev), dev).toBe(false);
  });

  it('names nested copies by their package name, once per version', () => {
    expect(
      bundledComponents({
        packages: {
          '': { version: '1.0.0' },
          'node_modules/a': { version: '1.0.0', license: 'MIT' },
          'node_modules/b/node_modules/a': { version: '2.0.0', license: 'MIT' },
          'node_modules/c/node_modules/a': { version: '2.0.0', license: 'MIT' },
          'node_modules/t': { version: '1.0.0', license: 'MIT', dev: true },
          'node_modules/u': { version: '1.0.0' },
        },
      }),
    ).toEqual([
      { name: 'a', version: '1.0.0', license: 'MIT' },
      { name: 'a', version: '2.0.0', license: 'MIT' },
      { name: 'u', version: '1.0.0', license: 'see package' },
    ]);
  });
});

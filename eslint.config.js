// @ts-check
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** no-restricted-imports patterns that keep the dependency directions (docs/architecture.md). */
const restrict = (paths, patterns, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: patterns.map((group) => ({ group: [group], message })),
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'bench/results/**',
      'dist/**',
      // electron-vite's bundled config, there only while a build runs (npm test lints meanwhile)
      '*.config.ts.*.mjs',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
    },
  },
  {
    files: ['src-shared/**'],
    rules: restrict(
      [
        ...nodeBuiltins,
        'electron',
        'better-sqlite3',
        'react',
        'react-dom',
        'fastify',
        'sharp',
        'exifr',
      ],
      ['**/src-main/**', '**/src-renderer/**', '**/src-server/**', 'node:*'],
      'src-shared is pure TypeScript: it runs in the renderer, the core and the server, so it imports nothing runtime-specific.',
    ),
  },
  {
    files: ['src-renderer/**'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'better-sqlite3', 'fastify', 'sharp', 'exifr', 'ws'],
      ['**/src-main/**', '**/src-server/**', 'node:*'],
      'The renderer is DOM only: it talks to the core through the DesktopApi, never to Node, Electron, the core or the server directly.',
    ),
  },
  {
    files: [
      'src-main/common/**',
      'src-main/core/**',
      'src-main/harness/**',
      'src-main/cli/**',
      'src-server/**',
    ],
    rules: restrict(
      ['electron'],
      ['**/src-renderer/**', '**/src-main/electron/**', '**/src-main/preload/**'],
      'Only src-main/electron and src-main/preload import electron; core, harness and server stay host-neutral.',
    ),
  },
  {
    files: ['src-server/**'],
    rules: restrict(
      ['electron'],
      ['**/src-renderer/**', '**/src-main/**'],
      'The server depends only on src-shared.',
    ),
  },
  {
    files: ['src-main/preload/**'],
    rules: restrict(
      ['better-sqlite3', 'fastify'],
      ['**/src-main/core/**', '**/src-server/**', '**/src-renderer/**'],
      'The preload only bridges IPC; it never reaches into core or the renderer.',
    ),
  },
  {
    files: ['**/*.test.ts', 'tests/**', 'bench/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    // Plain Node scripts outside the TypeScript project.
    files: ['eslint.config.js', 'scripts/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly' },
    },
  },
);

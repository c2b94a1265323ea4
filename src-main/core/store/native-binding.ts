/**
 * Where better-sqlite3's compiled driver comes from. npm builds it for Node (the backend,
 * browser mode, the CLI and the tests use that one); the Electron window needs a build for
 * Electron's ABI, which `npm run electron:setup` puts in `.electron-native/` and the launcher
 * passes in through COPYDESK_SQLITE_BINDING.
 */
export function sqliteNativeBinding(): string | undefined {
  const path = process.env.COPYDESK_SQLITE_BINDING;
  return path && path.trim() !== '' ? path : undefined;
}

/**
 * Opens a folder in the system's file manager for browser mode, where the core runs on the
 * person's own machine (the harness listens on 127.0.0.1 only). Electron uses shell.openPath.
 */
import { spawn } from 'node:child_process';

export function folderOpener(platform: NodeJS.Platform): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [] };
  if (platform === 'win32') return { command: 'explorer.exe', args: [] };
  return { command: 'xdg-open', args: [] };
}

/** True when the file manager was started; false where there is none (a server, no desktop). */
export function openFolderWithSystem(path: string): Promise<boolean> {
  const { command, args } = folderOpener(process.platform);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, [...args, path], { detached: true, stdio: 'ignore' });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}

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

/**
 * True when the file manager was started: the opener exited with 0, or is still running after a
 * moment (some stay in the foreground); false where there is none (no desktop, no opener).
 */
export function openFolderWithSystem(path: string): Promise<boolean> {
  const { command, args } = folderOpener(process.platform);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, [...args, path], { detached: true, stdio: 'ignore' });
      const timer = setTimeout(() => {
        child.unref();
        resolve(true);
      }, 2000);
      child.once('error', () => {
        clearTimeout(timer);
        resolve(false);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code === 0);
      });
    } catch {
      resolve(false);
    }
  });
}

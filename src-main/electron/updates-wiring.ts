/**
 * Starts updates in main when the machine's configuration names a feed: reads the file, loads
 * electron-updater (only then, so a desk without updates never loads it) and asks with a dialog.
 */
import { readFileSync } from 'node:fs';
import { dialog } from 'electron';
import type { DeskLog } from '../core/log/desk-log';
import type { MenuStrings } from './menu';
import { machineConfigPath, readUpdateConfig, UpdateController, type OpenWork } from './updates';

export async function startUpdates(deps: {
  log: DeskLog;
  openWork: () => Promise<OpenWork>;
  strings: () => MenuStrings;
}): Promise<UpdateController | null> {
  const path = machineConfigPath(process.platform, process.env);
  let text: string | null = null;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // No machine configuration: updates stay off unless the environment names a feed.
  }
  const read = readUpdateConfig(text, process.env);
  if (!read.ok) {
    deps.log.error('updates.config', new Error(read.error), { path });
    return null;
  }
  if (read.config.url === null) {
    deps.log.info('updates.off');
    return null;
  }
  const { autoUpdater } = await import('electron-updater');
  const controller = new UpdateController({
    updater: autoUpdater,
    config: read.config,
    openWork: deps.openWork,
    log: deps.log,
    ask: async (version) => {
      const s = deps.strings();
      const r = await dialog.showMessageBox({
        type: 'question',
        title: s.updateTitle,
        message: s.updateMessage.replace('{{version}}', version),
        buttons: [s.updateRestart, s.updateLater],
        defaultId: 1,
        cancelId: 1,
      });
      return r.response === 0 ? 'restart' : 'later';
    },
  });
  controller.start();
  return controller;
}

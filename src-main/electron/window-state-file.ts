/** Reads and writes the profile's window-state.json for main.ts (the decisions are in window-state.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import {
  parseWindowState,
  restoreWindow,
  WINDOW_STATE_FILE,
  windowStateToSave,
  type Rect,
  type WindowDefaults,
} from './window-state';

export function readWindowState(profileDir: string, workAreas: Rect[], defaults: WindowDefaults) {
  let text: string | null = null;
  try {
    text = readFileSync(join(profileDir, WINDOW_STATE_FILE), 'utf8');
  } catch {
    // First start, or the file is unreadable: the defaults apply.
  }
  return restoreWindow(parseWindowState(text), workAreas, defaults);
}

export function saveWindowStateOnClose(win: BrowserWindow, profileDir: string): void {
  win.on('close', () => {
    try {
      writeFileSync(
        join(profileDir, WINDOW_STATE_FILE),
        windowStateToSave(win.getNormalBounds(), {
          maximized: win.isMaximized(),
          fullScreen: win.isFullScreen(),
        }),
      );
    } catch {
      // A read-only profile loses only the window position.
    }
  });
}

/**
 * What main does about crashes, Electron-free: where minidumps go and whether they are uploaded
 * (never, unless the newsroom configures a collector), and whether a window whose page died is
 * reloaded on the article it showed (yes, unless it keeps dying: then it stops and says so).
 */
import { isAppOriginUrl, APP_ENTRY_URL } from './app-origin';

export const CRASH_URL_ENV = 'COPYDESK_CRASH_REPORT_URL';

export interface CrashReporterSettings {
  productName: string;
  submitURL: string;
  uploadToServer: boolean;
  compress: boolean;
}

/** Minidumps are always written locally (the profile's crashes/ folder); uploaded only when configured. */
export function crashReporterSettings(
  env: Record<string, string | undefined>,
): CrashReporterSettings {
  const url = env[CRASH_URL_ENV]?.trim() ?? '';
  const valid = /^https?:\/\/\S+$/.test(url);
  return {
    productName: 'Copydesk',
    submitURL: valid ? url : '',
    uploadToServer: valid,
    compress: true,
  };
}

/** The page to load after the renderer died: the one it showed (its #article=… hash included). */
export function reloadUrlAfterCrash(lastUrl: string): string {
  return isAppOriginUrl(lastUrl) ? lastUrl : APP_ENTRY_URL;
}

/** Stops reloading a window that crashes again and again (3 times within 2 minutes). */
export class CrashLoopGuard {
  private readonly times: number[] = [];
  constructor(
    private readonly max = 3,
    private readonly windowMs = 120_000,
  ) {}

  /** Records a crash at `now`; true when the window may be reloaded once more. */
  mayReload(now: number): boolean {
    this.times.push(now);
    while (this.times.length > 0 && now - this.times[0]! > this.windowMs) this.times.shift();
    return this.times.length < this.max;
  }
}

/**
 * Updates from a feed the newsroom controls (electron-updater's "generic" provider: a folder of
 * electron-builder's latest*.yml and installers on any web server). Off unless a URL is
 * configured. A downloaded update is offered only when nothing local is at risk: no unsynced
 * change in the outbox and no unsaved edit (both checked again after the person said
 * "restart", since they may have typed while the question was open); "later" asks again later.
 * Electron-free: main.ts hands in electron-updater's autoUpdater and a dialog.
 */
import { z } from 'zod';

export const UpdateConfig = z.strictObject({
  /** The feed folder's URL; null (the default) turns updates off. */
  url: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'the update URL must be http:// or https://')
    .nullable()
    .default(null),
  /** electron-builder channel: "latest", or e.g. "beta" for a pilot desk. */
  channel: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,20}$/)
    .default('latest'),
  checkEveryHours: z.number().min(1).max(168).default(4),
});
export type UpdateConfig = z.infer<typeof UpdateConfig>;

/** Overrides the URL of the machine-wide file (a pilot desk, a test). */
export const UPDATE_URL_ENV = 'COPYDESK_UPDATE_URL';

/**
 * The machine-wide configuration file IT deploys (outside the app, so an update never replaces
 * it, and outside the profile, so a desk cannot change it): `{ "updates": { "url": … } }`.
 */
export function machineConfigPath(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
): string {
  if (platform === 'win32')
    return `${env.ProgramData ?? 'C:\\ProgramData'}\\Copydesk\\copydesk.json`;
  if (platform === 'darwin') return '/Library/Application Support/Copydesk/copydesk.json';
  return '/etc/copydesk/copydesk.json';
}

/**
 * The configuration from the JSON file's `updates` object (text or null when there is none) and
 * the environment, which wins for the URL. A broken file is an error, never a silent default.
 */
export function readUpdateConfig(
  fileText: string | null,
  env: Record<string, string | undefined>,
): { ok: true; config: UpdateConfig } | { ok: false; error: string } {
  let fromFile: unknown = {};
  if (fileText !== null) {
    try {
      fromFile = (JSON.parse(fileText) as { updates?: unknown }).updates ?? {};
    } catch (e) {
      return { ok: false, error: `copydesk.json is not valid JSON: ${(e as Error).message}` };
    }
  }
  const envUrl = env[UPDATE_URL_ENV]?.trim();
  const merged = {
    ...(typeof fromFile === 'object' && fromFile !== null ? fromFile : {}),
    ...(envUrl ? { url: envUrl } : {}),
  };
  const r = UpdateConfig.safeParse(merged);
  if (!r.success) {
    return {
      ok: false,
      error: `Update configuration: ${r.error.issues.map((i) => `${i.path.join('.') || 'updates'}: ${i.message}`).join('; ')}`,
    };
  }
  return { ok: true, config: r.data };
}

/** The part of electron-updater's AppUpdater this uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string; channel: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface OpenWork {
  /** Edits typed but not yet stored locally. */
  unsaved: boolean;
  /** Stored changes not yet acknowledged by the server. */
  unsynced: number;
}

export interface UpdateLog {
  info(event: string, fields?: Record<string, string | number | boolean | null>): void;
  error(event: string, err: unknown): void;
}

export interface UpdateDeps {
  updater: UpdaterLike;
  config: UpdateConfig;
  openWork: () => Promise<OpenWork>;
  /** Asks the person; resolves with their answer. */
  ask: (version: string) => Promise<'restart' | 'later'>;
  log: UpdateLog;
  /** While work is open, how often to look again (default 1 minute). */
  retryMs?: number;
  /** After "later", when to ask again (default 4 hours). */
  laterMs?: number;
}

export type UpdateState = 'off' | 'idle' | 'waiting-for-work' | 'asking' | 'installing';

export class UpdateController {
  private stateNow: UpdateState = 'off';
  private downloaded: string | null = null;
  private interval: ReturnType<typeof setInterval> | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: UpdateDeps) {}

  get state(): UpdateState {
    return this.stateNow;
  }

  get enabled(): boolean {
    return this.deps.config.url !== null;
  }

  /** Starts checking when a feed is configured; returns whether updates are on. */
  start(): boolean {
    const { config, updater, log } = this.deps;
    if (config.url === null) {
      log.info('updates.off');
      return false;
    }
    updater.autoDownload = true;
    // Installing is always asked for; a quit never installs behind the person's back.
    updater.autoInstallOnAppQuit = false;
    updater.setFeedURL({ provider: 'generic', url: config.url, channel: config.channel });
    updater.on('update-downloaded', (info) => {
      this.downloaded = info.version;
      log.info('updates.downloaded', { version: info.version });
      void this.offer();
    });
    updater.on('error', (e) => log.error('updates.failed', e));
    this.stateNow = 'idle';
    log.info('updates.on', { url: config.url, channel: config.channel });
    void this.checkNow();
    this.interval = setInterval(() => void this.checkNow(), config.checkEveryHours * 3600_000);
    return true;
  }

  async checkNow(): Promise<void> {
    if (this.stateNow === 'off' || this.stateNow === 'installing') return;
    try {
      await this.deps.updater.checkForUpdates();
    } catch (e) {
      this.deps.log.error('updates.failed', e);
    }
  }

  stop(): void {
    if (this.interval) clearInterval(this.interval);
    if (this.retry) clearTimeout(this.retry);
    this.interval = this.retry = null;
  }

  private later(ms: number): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.offer();
    }, ms);
  }

  private async safeToRestart(): Promise<boolean> {
    const work = await this.deps.openWork();
    if (!work.unsaved && work.unsynced === 0) return true;
    this.stateNow = 'waiting-for-work';
    this.deps.log.info('updates.waiting', { unsaved: work.unsaved, unsynced: work.unsynced });
    this.later(this.deps.retryMs ?? 60_000);
    return false;
  }

  private async offer(): Promise<void> {
    const version = this.downloaded;
    if (!version || this.stateNow === 'asking' || this.stateNow === 'installing') return;
    if (!(await this.safeToRestart())) return;
    this.stateNow = 'asking';
    const answer = await this.deps.ask(version);
    if (answer === 'later') {
      this.stateNow = 'idle';
      this.deps.log.info('updates.postponed', { version });
      this.later(this.deps.laterMs ?? 4 * 3600_000);
      return;
    }
    // They may have typed while the question was open.
    if (!(await this.safeToRestart())) return;
    this.stateNow = 'installing';
    this.stop();
    this.deps.log.info('updates.installing', { version });
    this.deps.updater.quitAndInstall();
  }
}

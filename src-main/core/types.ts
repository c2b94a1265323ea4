import type { CallResult, CoreEvent } from '../../src-shared/api';
import type { DeskLog } from './log/desk-log';
import type { TokenStore } from './sync/tokens';

export type CoreHostKind = 'electron' | 'browser' | 'cli';

export interface CoreOptions {
  /** Folder holding this person's local data (database, blobs, token). */
  profileDir: string;
  host: CoreHostKind;
  /** Run PRAGMA quick_check in the background after open (default true). */
  backgroundIntegrityCheck?: boolean;
  /** Where the sync sign-in token is kept (default: a 0600 file in the profile). */
  tokenStore?: TokenStore;
  /** The log to write to (default: a rotating file in the profile's logs/ folder). */
  log?: DeskLog;
  /** Opens a folder in the system's file manager (hosts that can; see app.openLogFolder). */
  openFolder?: (path: string) => Promise<boolean>;
  /** Enables test-only triggers in the window (browser mode for end-to-end tests only). */
  testHooks?: boolean;
  /** Sync tuning (tests, benchmarks). */
  sync?: {
    auto?: boolean;
    debounceMs?: number;
    intervalMs?: number;
    pullLimit?: number;
    pushBatch?: number;
    timeoutMs?: number;
  };
}

/**
 * What every host (Electron main via a worker, browser-mode harness, CLI) talks to.
 * `call` never throws: every failure comes back as { ok: false, error }.
 */
export interface CoreHandle {
  call(method: string, input: unknown): Promise<CallResult>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  close(): Promise<void>;
}

import type { CallResult, CoreEvent } from '../../src-shared/api';

export type CoreHostKind = 'electron' | 'browser' | 'cli';

export interface CoreOptions {
  /** Folder holding this person's local data (database, blobs, token). */
  profileDir: string;
  host: CoreHostKind;
  /** Run PRAGMA quick_check in the background after open (default true). */
  backgroundIntegrityCheck?: boolean;
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

import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the sign-in token lives. The CLI and browser hosts keep it in the profile in a file
 * only the owner may read (mode 0600); the Electron layer supplies a safeStorage-backed one.
 */
export interface TokenStore {
  load(): string | null;
  save(token: string): void;
  clear(): void;
  /** Asynchronous set-up before the first load (e.g. decrypting through Electron main). */
  ready?(): Promise<void>;
  /** Resolves when saved tokens have reached their storage. */
  flush?(): Promise<void>;
}

export class FileTokenStore implements TokenStore {
  private readonly path: string;
  constructor(profileDir: string) {
    this.path = join(profileDir, 'sync-token');
  }
  load(): string | null {
    let t: string;
    try {
      t = readFileSync(this.path, 'utf8').trim();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    return t === '' ? null : t;
  }
  save(token: string): void {
    writeFileSync(this.path, token, { mode: 0o600 });
    chmodSync(this.path, 0o600); // an existing file keeps its old mode on write
  }
  clear(): void {
    rmSync(this.path, { force: true });
  }
}

export class MemoryTokenStore implements TokenStore {
  private token: string | null = null;
  load(): string | null {
    return this.token;
  }
  save(token: string): void {
    this.token = token;
  }
  clear(): void {
    this.token = null;
  }
}

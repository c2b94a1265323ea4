/**
 * The Electron host's token store: the profile holds only the ciphertext (`sync-token.enc`,
 * mode 0600); encryption and decryption happen in Electron main with safeStorage, reached over
 * the worker's message port (see ../worker-protocol.ts). The engine reads the token
 * synchronously, so it is decrypted once by `ready()` and kept in memory for the session.
 */
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MainSecrets } from '../worker-protocol';
import type { TokenStore } from './tokens';

export class EncryptedTokenStore implements TokenStore {
  private readonly path: string;
  /** The 0600 plaintext file of a profile first used by the browser or CLI host. */
  private readonly legacyPath: string;
  private token: string | null = null;
  /** Bumped by every save/clear, so a slow encryption never writes a token cleared since. */
  private generation = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    profileDir: string,
    private readonly secrets: MainSecrets,
    private readonly onError: (message: string) => void = (m) => console.error(`copydesk: ${m}`),
  ) {
    this.path = join(profileDir, 'sync-token.enc');
    this.legacyPath = join(profileDir, 'sync-token');
  }

  /** Decrypts the stored token (once, before the engine starts). */
  async ready(): Promise<void> {
    if (existsSync(this.path)) {
      const cipher = readFileSync(this.path, 'utf8').trim();
      try {
        const plain = cipher === '' ? '' : await this.secrets.decrypt(cipher);
        this.token = plain === '' ? null : plain;
      } catch (e) {
        // Another keychain (profile copied to another machine or user): sign in again.
        this.onError(`The saved sign-in could not be decrypted: ${messageOf(e)}`);
        this.token = null;
      }
      return;
    }
    if (existsSync(this.legacyPath)) {
      const plain = readFileSync(this.legacyPath, 'utf8').trim();
      if (plain !== '') {
        this.save(plain);
        await this.flush();
      }
      // Only once the ciphertext is on disk does the plaintext go.
      if (existsSync(this.path)) rmSync(this.legacyPath, { force: true });
    }
  }

  load(): string | null {
    return this.token;
  }

  save(token: string): void {
    this.token = token;
    const gen = ++this.generation;
    this.writing = this.writing
      .then(() => this.secrets.encrypt(token))
      .then((cipher) => {
        if (gen !== this.generation) return;
        writeFileSync(this.path, cipher, { mode: 0o600 });
        chmodSync(this.path, 0o600);
      })
      .catch((e: unknown) => {
        // The token still works for this session; it is just not remembered.
        this.onError(`The sign-in could not be saved in the system keychain: ${messageOf(e)}`);
      });
  }

  clear(): void {
    this.token = null;
    this.generation++;
    rmSync(this.path, { force: true });
    rmSync(this.legacyPath, { force: true });
  }

  /** Resolves when the last save has reached the disk (or failed). */
  flush(): Promise<void> {
    return this.writing;
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Keeps small secrets (the sync token) encrypted with the OS keychain through Electron
 * safeStorage. Ciphertext is returned as base64 so callers can store it as text.
 */
import type { SafeStorage } from 'electron';
import type { MainSecrets } from '../core/worker-protocol';

export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

export interface SecretStore {
  encrypt(plain: string): string;
  decrypt(cipherBase64: string): string;
}

/**
 * On Linux without a keyring, safeStorage falls back to 'basic_text', a hard-coded key —
 * obfuscation, not protection. We refuse it unless the caller knowingly allows it.
 */
export function createSecretStore(
  safeStorage: SafeStorageLike,
  opts: { platform: NodeJS.Platform; allowWeakBackend?: boolean },
): SecretStore {
  const assertUsable = () => {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error(
        'The system keychain is not available; Copydesk cannot keep the sync token safely.',
      );
    }
    if (
      opts.platform === 'linux' &&
      !opts.allowWeakBackend &&
      safeStorage.getSelectedStorageBackend() === 'basic_text'
    ) {
      throw new Error(
        'No keyring (GNOME Keyring or KWallet) is running; the sync token would not be protected.',
      );
    }
  };
  return {
    encrypt(plain) {
      assertUsable();
      return safeStorage.encryptString(plain).toString('base64');
    },
    decrypt(cipherBase64) {
      assertUsable();
      return safeStorage.decryptString(Buffer.from(cipherBase64, 'base64'));
    },
  };
}

/**
 * The secrets main offers the core worker (worker-protocol.ts): safeStorage may only be used
 * once the app is ready, so every request waits for `whenReady` first.
 */
export function mainSecrets(
  safeStorage: SafeStorageLike,
  opts: { platform: NodeJS.Platform; allowWeakBackend?: boolean },
  whenReady: () => Promise<unknown>,
): MainSecrets {
  const store = createSecretStore(safeStorage, opts);
  return {
    encrypt: async (plain) => {
      await whenReady();
      return store.encrypt(plain);
    },
    decrypt: async (cipher) => {
      await whenReady();
      return store.decrypt(cipher);
    },
  };
}

/**
 * Keeps small secrets (the sync token) encrypted with the OS keychain through Electron
 * safeStorage. Ciphertext is returned as base64 so callers can store it as text.
 */
import type { SafeStorage } from 'electron';

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

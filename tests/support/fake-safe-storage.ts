import type { SafeStorageLike } from '../../electron/main/settings/token-vault';

/** Reversible stand-in for the OS keyring: "encrypts" by reversing the bytes behind a marker. */
export function fakeSafeStorage({ available = true, backend = 'gnome_libsecret', rotated = false } = {}): SafeStorageLike & {
  encrypted: string[];
} {
  const encrypted: string[] = [];
  return {
    encrypted,
    isAsyncEncryptionAvailable: async () => available,
    getSelectedStorageBackend: () => backend,
    async encryptStringAsync(plainText) {
      if (!available) throw new Error('Encryption is not available.');
      encrypted.push(plainText);
      return Buffer.concat([Buffer.from('v11'), Buffer.from(plainText).reverse()]);
    },
    async decryptStringAsync(data) {
      if (!available) throw new Error('Decryption is not available.');
      if (data.subarray(0, 3).toString() !== 'v11') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { result: Buffer.from(data.subarray(3)).reverse().toString(), shouldReEncrypt: rotated };
    },
  };
}

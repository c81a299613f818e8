/** How the token is written in settings.json: OS-encrypted (base64) where a keyring exists, else in clear. */
export type StoredToken = { safeStorage: string } | { plainText: string };

/** The parts of Electron's safeStorage the vault uses (the async API: the sync one is deprecated in Electron 45). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only: which keyring Chromium picked. */
  getSelectedStorageBackend?(): string;
}

export interface TokenVault {
  /** Whether tokens are encrypted on this machine; when not, `why` says so in words a person can act on. */
  protection(): Promise<{ encrypted: true } | { encrypted: false; why: string }>;
  /** '' (no token) is stored as null. */
  seal(token: string): Promise<StoredToken | null>;
  /** `reseal` says the stored form should be rewritten: a rotated key, or a clear token that can now be encrypted. */
  open(stored: StoredToken): Promise<{ token: string; reseal: boolean }>;
}

export function createTokenVault(safeStorage: SafeStorageLike): TokenVault {
  async function protection(): Promise<{ encrypted: true } | { encrypted: false; why: string }> {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) {
      return { encrypted: false, why: 'this system offers no keyring to encrypt it with' };
    }
    // Chromium's "basic_text" fallback encrypts with a key built into every copy of Chromium: no protection.
    if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      return { encrypted: false, why: 'no keyring (GNOME Keyring or KWallet) is running in this desktop session' };
    }
    return { encrypted: true };
  }

  return {
    protection,
    async seal(token) {
      if (token === '') return null;
      if (!(await protection()).encrypted) return { plainText: token };
      return { safeStorage: (await safeStorage.encryptStringAsync(token)).toString('base64') };
    },
    async open(stored) {
      if ('plainText' in stored) return { token: stored.plainText, reseal: (await protection()).encrypted };
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(stored.safeStorage, 'base64'));
      return { token: result, reseal: shouldReEncrypt };
    },
  };
}

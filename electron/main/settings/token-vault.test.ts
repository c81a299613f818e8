import { describe, expect, it } from 'vitest';
import { fakeSafeStorage } from '../../../tests/support/fake-safe-storage';
import { createTokenVault } from './token-vault';

describe('createTokenVault', () => {
  it('stores the token as base64 ciphertext where the OS can encrypt it, and reads it back', async () => {
    const storage = fakeSafeStorage();
    const vault = createTokenVault(storage);
    const sealed = await vault.seal('dsp_secret');
    expect(sealed).toEqual({ safeStorage: Buffer.concat([Buffer.from('v11'), Buffer.from('terces_psd')]).toString('base64') });
    expect(JSON.stringify(sealed)).not.toContain('dsp_secret');
    expect(await vault.open(sealed!)).toEqual({ token: 'dsp_secret', reseal: false });
    expect(await vault.protection()).toEqual({ encrypted: true });
  });

  it('stores no token as null', async () => {
    expect(await createTokenVault(fakeSafeStorage()).seal('')).toBeNull();
  });

  it('stores the token in clear, and says why, where there is no keyring', async () => {
    const vault = createTokenVault(fakeSafeStorage({ available: false }));
    expect(await vault.seal('dsp_secret')).toEqual({ plainText: 'dsp_secret' });
    expect(await vault.protection()).toEqual({ encrypted: false, why: 'this system offers no keyring to encrypt it with' });
  });

  it('treats Linux’s basic_text fallback as no encryption: its key is the same in every Chromium', async () => {
    const storage = fakeSafeStorage({ backend: 'basic_text' });
    const vault = createTokenVault(storage);
    expect(await vault.seal('dsp_secret')).toEqual({ plainText: 'dsp_secret' });
    expect(storage.encrypted).toEqual([]);
    expect(await vault.protection()).toMatchObject({ encrypted: false, why: expect.stringMatching(/no keyring/) });
  });

  it('asks for a clear token to be resealed once a keyring is available, and a token under a rotated key too', async () => {
    expect(await createTokenVault(fakeSafeStorage()).open({ plainText: 't' })).toEqual({ token: 't', reseal: true });
    expect(await createTokenVault(fakeSafeStorage({ available: false })).open({ plainText: 't' })).toEqual({ token: 't', reseal: false });
    const rotated = createTokenVault(fakeSafeStorage({ rotated: true }));
    expect(await rotated.open((await rotated.seal('t'))!)).toEqual({ token: 't', reseal: true });
  });

  it('fails loudly on ciphertext it cannot decrypt, so the caller can say so', async () => {
    await expect(createTokenVault(fakeSafeStorage()).open({ safeStorage: 'bm9wZQ==' })).rejects.toThrow(/decrypting/);
  });
});

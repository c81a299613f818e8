import { existsSync, readFileSync } from 'node:fs';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// electron-builder's own schema check (the one `electron-builder` runs before a build), called
// directly: no download, no packaging.
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Configuration;
const validate = (candidate: unknown) => validateConfiguration(candidate as Configuration, new DebugLogger(false));

const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512];

/** Width, height and colour type from a PNG's IHDR chunk. */
function pngHeader(path: string): { width: number; height: number; rgba: boolean } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8).toString('hex'), `${path} is not a PNG`).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), rgba: bytes[25] === 6 };
}

/** Target names of one platform, whether written as a string, a list or objects. */
function targetNames(platform: { target?: unknown } | null | undefined): string[] {
  const targets = [platform?.target ?? []].flat() as Array<string | { target: string }>;
  return targets.map((t) => (typeof t === 'string' ? t : t.target));
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration validation', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('the validation can fail: it rejects an unknown key and a wrong type', async () => {
    await expect(validate({ ...config, applicationId: 'com.queueboard.app' })).rejects.toThrow(
      /unknown property 'applicationId'/,
    );
    await expect(validate({ ...config, asar: 'yes' })).rejects.toThrow(/configuration\.asar should be one of these/);
    await expect(validate({ ...config, npmRebuild: 'sometimes' })).rejects.toThrow(/configuration\.npmRebuild should be a boolean/);
    await expect(validate({ ...config, linux: { ...config.linux, categroy: 'Office' } })).rejects.toThrow(/configuration\.linux/);
  });

  it('names the app and packs only the built shell, the built renderer and package.json, in an asar', () => {
    expect(config.appId).toBe('com.queueboard.app');
    expect(config.productName).toBe('Queueboard');
    expect(config.directories?.output).toBe('release');
    expect(config.files).toEqual(['dist/electron/**', 'dist/renderer/**', 'package.json', '!node_modules/**/*']);
    expect(config.asar).toBe(true);
    expect(config.artifactName).toMatch(/\$\{version\}.*\$\{arch\}/);
  });

  it('builds an AppImage and a deb for Linux, an NSIS installer for Windows and a dmg for macOS', () => {
    expect(targetNames(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.win)).toEqual(['nsis']);
    expect(targetNames(config.mac)).toEqual(['dmg']);
    expect(['Office', 'Utility']).toContain(config.linux?.category);
    expect(config.linux?.maintainer).toMatch(/<[^@\s]+@[^@\s]+>/);
    expect(config.linux?.synopsis).toBeTruthy();
    expect(config.mac?.category).toBe('public.app-category.business');
  });

  it('points every platform at icons that exist, at the sizes each needs', () => {
    expect(config.linux?.icon).toBe('assets/icons');
    for (const size of LINUX_ICON_SIZES) {
      expect(pngHeader(`assets/icons/${size}x${size}.png`), `assets/icons/${size}x${size}.png`).toEqual({
        width: size,
        height: size,
        rgba: true,
      });
    }
    for (const icon of [config.win?.icon, config.mac?.icon]) {
      expect(icon).toBe('assets/icon.png');
      expect(pngHeader(String(icon))).toEqual({ width: 1024, height: 1024, rgba: true });
    }
    expect(existsSync('assets/icon.svg')).toBe(true);
  });

  it('flips the Electron fuses: no run-as-node, no NODE_OPTIONS or inspector, encrypted cookies, only the integrity-checked asar', async () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // electron-builder's schema knows these fuses and no others: a misspelt fuse would be silently ignored otherwise.
    await expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).rejects.toThrow(/electronFuses/);
  });
});


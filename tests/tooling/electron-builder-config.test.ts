import { existsSync, readFileSync } from 'node:fs';
import { FuseV1Options } from '@electron/fuses';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// electron-builder's own schema check (the one `electron-builder` runs before a build), called
// directly: no download, no packaging.
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Configuration;
const validate = (candidate: unknown) => validateConfiguration(candidate as Configuration, new DebugLogger(false));

/** Every fuse Electron's own fuses package knows, as electron-builder spells it (RunAsNode → runAsNode). */
const ELECTRON_FUSES = Object.keys(FuseV1Options)
  .filter((name) => Number.isNaN(Number(name)))
  .map((name) => name[0]!.toLowerCase() + name.slice(1));

/** The decisions in docs/SECURITY.md's "Fuses" table: fuse → value. */
function recordedFuses(): Record<string, boolean> {
  const section = readFileSync('docs/SECURITY.md', 'utf8').split('### Fuses')[1]?.split(/\n#+ /)[0] ?? '';
  const rows = [...section.matchAll(/^\| `(\w+)` \| (true|false) \| .+\|$/gm)];
  return Object.fromEntries(rows.map(([, fuse, value]) => [fuse, value === 'true']));
}

/** Why `electronFuses` does not match the decisions, one line per fuse; empty when it does. */
function fuseMismatches(fuses: Record<string, unknown> | null | undefined, recorded: Record<string, boolean>): string[] {
  const problems: string[] = [];
  for (const fuse of ELECTRON_FUSES) {
    if (!(fuse in recorded)) problems.push(`${fuse}: no decision recorded in docs/SECURITY.md`);
    else if (fuses?.[fuse] === undefined) problems.push(`${fuse}: not set in electron-builder.yml (recorded: ${recorded[fuse]})`);
    else if (fuses[fuse] !== recorded[fuse]) problems.push(`${fuse}: ${String(fuses[fuse])} in electron-builder.yml, ${recorded[fuse]} recorded`);
  }
  for (const fuse of Object.keys(recorded)) if (!ELECTRON_FUSES.includes(fuse)) problems.push(`${fuse}: recorded, but Electron has no such fuse`);
  return problems;
}

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
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    // electron-builder's schema knows these fuses and no others: a misspelt fuse would be silently ignored otherwise.
    await expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).rejects.toThrow(/electronFuses/);
  });

  it('sets every fuse Electron documents explicitly, with the value and reason recorded in docs/SECURITY.md', () => {
    const recorded = recordedFuses();
    expect(ELECTRON_FUSES).toHaveLength(8);
    expect(Object.keys(recorded).sort()).toEqual([...ELECTRON_FUSES].sort());
    expect(fuseMismatches(config.electronFuses as Record<string, unknown>, recorded)).toEqual([]);
  });

  it('the fuse check can fail: a fuse left out, flipped, or without a decision', () => {
    const recorded = recordedFuses();
    const { loadBrowserProcessSpecificV8Snapshot: _left, ...fuses } = config.electronFuses as Record<string, unknown>;
    expect(fuseMismatches(fuses, recorded)).toEqual(['loadBrowserProcessSpecificV8Snapshot: not set in electron-builder.yml (recorded: false)']);
    expect(fuseMismatches({ ...fuses, loadBrowserProcessSpecificV8Snapshot: false, runAsNode: true }, recorded)).toEqual([
      'runAsNode: true in electron-builder.yml, false recorded',
    ]);
    const { grantFileProtocolExtraPrivileges: _undecided, ...partial } = recorded;
    expect(fuseMismatches(config.electronFuses as Record<string, unknown>, { ...partial, madeUpFuse: true })).toEqual([
      'grantFileProtocolExtraPrivileges: no decision recorded in docs/SECURITY.md',
      'madeUpFuse: recorded, but Electron has no such fuse',
    ]);
  });
});

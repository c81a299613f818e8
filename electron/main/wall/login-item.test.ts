import * as realFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LaunchOptions } from '../../../shared/ipc/ipc-contract';
import type { AtomicWriteFs } from '../settings/atomic-write';
import { DEFAULT_SETTINGS } from '../settings/settings-file';
import { autostartEntry, createLoginItem, execArgument, launchArgs, wantsStartAtLogin, type LoginItemApp } from './login-item';

let home: string;
let autostartDir: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'queueboard-home-'));
  autostartDir = join(home, '.config', 'autostart');
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const WALL = { ...DEFAULT_SETTINGS, mode: 'wall' as const };

function loginItem(platform: NodeJS.Platform, { isPackaged = true, commandLine = {} as Partial<LaunchOptions>, fs = realFs as AtomicWriteFs } = {}) {
  const set: unknown[] = [];
  const logged: string[] = [];
  const app: LoginItemApp = { isPackaged, setLoginItemSettings: (s) => set.push(s) };
  const item = createLoginItem({
    app,
    platform,
    fs,
    autostartDir,
    executable: '/opt/Queueboard/queueboard',
    commandLine,
    log: (m) => logged.push(m),
  });
  return { item, set, logged };
}

describe('wantsStartAtLogin', () => {
  it('is on by default in wall mode only, and the setting decides when it is set', () => {
    expect(wantsStartAtLogin(null, 'wall')).toBe(true);
    expect(wantsStartAtLogin(null, 'desk')).toBe(false);
    expect(wantsStartAtLogin(false, 'wall')).toBe(false);
    expect(wantsStartAtLogin(true, 'desk')).toBe(true);
  });
});

describe('launchArgs', () => {
  it('repeats the flags of this run, in a fixed order', () => {
    expect(launchArgs({ display: 2, mode: 'wall', officeId: 'lisbon', gatewayUrl: 'http://gw:4310' })).toEqual([
      '--gateway=http://gw:4310',
      '--mode=wall',
      '--office=lisbon',
      '--display=2',
    ]);
    expect(launchArgs({})).toEqual([]);
  });
});

describe('the login item', () => {
  it('on Linux writes an XDG autostart entry with this run\'s flags, and removes it when turned off', async () => {
    const { item, set } = loginItem('linux', { commandLine: { display: 1 } });
    await item.sync(WALL);
    const file = join(autostartDir, 'queueboard.desktop');
    const text = await readFile(file, 'utf8');
    expect(text).toContain('[Desktop Entry]\nType=Application\nName=Queueboard\n');
    expect(text).toContain('\nExec=/opt/Queueboard/queueboard --display=1\n');
    expect((await stat(file)).mode & 0o777).toBe(0o644);
    expect(set).toEqual([]);

    await item.sync({ ...WALL, startAtLogin: false });
    expect(await readdir(autostartDir)).toEqual([]);
    await expect(item.sync(DEFAULT_SETTINGS)).resolves.toBeUndefined();
  });

  it('follows the mode of this run: a --mode=wall start of a desk install starts at login', async () => {
    const { item } = loginItem('linux', { commandLine: { mode: 'wall' } });
    await item.sync(DEFAULT_SETTINGS);
    expect(await readFile(join(autostartDir, 'queueboard.desktop'), 'utf8')).toContain('Exec=/opt/Queueboard/queueboard --mode=wall\n');
  });

  it('on Windows registers the executable with the flags', async () => {
    const { item, set } = loginItem('win32', { commandLine: { mode: 'wall' } });
    await item.sync(DEFAULT_SETTINGS);
    await item.sync({ ...DEFAULT_SETTINGS, startAtLogin: false });
    expect(set).toEqual([
      { openAtLogin: true, path: '/opt/Queueboard/queueboard', args: ['--mode=wall'] },
      { openAtLogin: false, path: '/opt/Queueboard/queueboard', args: ['--mode=wall'] },
    ]);
  });

  it('on macOS registers the app itself (login items there take no arguments)', async () => {
    const { item, set } = loginItem('darwin', { commandLine: { mode: 'wall' } });
    await item.sync(DEFAULT_SETTINGS);
    expect(set).toEqual([{ openAtLogin: true }]);
  });

  it('leaves the OS alone in a development run, saying so', async () => {
    const { item, set, logged } = loginItem('linux', { isPackaged: false });
    await item.sync(WALL);
    expect(set).toEqual([]);
    await expect(readdir(autostartDir)).rejects.toThrow(/ENOENT/);
    expect(logged).toEqual(['Start at login is set up by the installed app only; this development run leaves it alone.']);
  });

  it('logs a failure instead of throwing: the wall must open even where autostart cannot be written', async () => {
    const readOnly: AtomicWriteFs = { ...realFs, mkdir: async () => Promise.reject(new Error('EROFS: read-only file system')) };
    const { item, logged } = loginItem('linux', { fs: readOnly });
    await expect(item.sync(WALL)).resolves.toBeUndefined();
    expect(logged).toEqual(['Could not set up start at login: EROFS: read-only file system']);
  });
});

describe('autostartEntry', () => {
  it('quotes what the Desktop Entry spec reserves, and escapes backslashes and percent signs', () => {
    expect(execArgument('/home/ana/Apps/Queueboard.AppImage')).toBe('/home/ana/Apps/Queueboard.AppImage');
    expect(execArgument('/home/ana/My Apps/Queueboard.AppImage')).toBe('"/home/ana/My Apps/Queueboard.AppImage"');
    expect(execArgument('--gateway=http://gw/?a=1&b=$x')).toBe('"--gateway=http://gw/?a=1&b=\\\\$x"');
    expect(execArgument('100%')).toBe('"100%%"');
    expect(execArgument('C:\\x')).toBe('"C:\\\\\\\\x"');
  });

  it('starts the executable with its arguments', () => {
    expect(autostartEntry('/opt/Queueboard/queueboard', ['--mode=wall'])).toMatch(/^Exec=\/opt\/Queueboard\/queueboard --mode=wall$/m);
  });
});

import * as realFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppSettings } from '../../../shared/ipc/ipc-contract';
import { fakeSafeStorage } from '../../../tests/support/fake-safe-storage';
import { DEFAULT_SETTINGS } from './settings-file';
import { createSettingsService, type SettingsFs, type SettingsServiceOptions } from './settings-service';
import { createTokenVault } from './token-vault';

const NOW = Date.parse('2026-11-24T04:10:00.123Z');
const wall: AppSettings = {
  gatewayUrl: 'https://gw.example',
  token: 'dsp_lisbon_wall_01',
  officeId: 'lisbon',
  groupId: null,
  mode: 'wall',
  display: 1,
  language: 'pt-PT',
  startAtLogin: null,
  allowInsecure: false,
};

let folder: string;
let file: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'queueboard-settings-'));
  file = join(folder, 'settings.json');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function service(overrides: Partial<SettingsServiceOptions> & { keyring?: boolean } = {}) {
  const logged: string[] = [];
  const settings = createSettingsService({
    filePath: file,
    fs: realFs,
    platform: 'linux',
    vault: createTokenVault(fakeSafeStorage({ available: overrides.keyring ?? true })),
    commandLine: {},
    now: () => NOW,
    log: (message) => logged.push(message),
    ...overrides,
  });
  return { settings, logged };
}

const onDisk = async () => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;

describe('the settings service', () => {
  it('starts from the defaults on first start, quietly, without writing anything', async () => {
    const { settings, logged } = service();
    expect(await settings.load()).toEqual({ settings: DEFAULT_SETTINGS, commandLine: {}, notices: [], tokenEncrypted: true });
    expect(await readdir(folder)).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('saves every setting, with the token encrypted, and reads them back at the next start', async () => {
    const first = service().settings;
    await first.load();
    expect(await first.save(wall)).toEqual({ ok: true, state: { settings: wall, commandLine: {}, notices: [], tokenEncrypted: true } });
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('dsp_lisbon_wall_01');
    expect(JSON.parse(text)).toMatchObject({ version: 1, mode: 'wall', token: { safeStorage: expect.any(String) } });
    expect((await service().settings.load()).settings).toEqual(wall);
  });

  it('changes only the settings a save names, and tells onSaved after each save', async () => {
    const told: AppSettings[] = [];
    const { settings } = service({ onSaved: (saved) => told.push(saved) });
    await settings.load();
    await settings.save(wall);
    const saved = await settings.save({ display: null, startAtLogin: false });
    expect(saved).toMatchObject({ ok: true, state: { settings: { ...wall, display: null, startAtLogin: false } } });
    expect(await onDisk()).toMatchObject({ gatewayUrl: 'https://gw.example', display: null, startAtLogin: false });
    expect(told).toEqual([wall, { ...wall, display: null, startAtLogin: false }]);
    await settings.save({ display: 'x' });
    expect(told).toHaveLength(2);
  });

  it('refuses a save with bad fields, naming each, and writes nothing', async () => {
    const { settings } = service();
    await settings.load();
    expect(await settings.save({ gatewayUrl: 'gw.example', display: -1, mode: 'wall', colour: 'red' })).toEqual({
      ok: false,
      issues: [
        'gatewayUrl: must be an http:// or https:// URL such as http://127.0.0.1:4310',
        'display: must be a whole number from 0 (the primary display) to 15, or null (the OS chooses)',
        expect.stringMatching(/^colour: is not a setting/),
      ],
    });
    expect(await settings.save(['mode', 'wall'])).toEqual({ ok: false, issues: ['(settings): must be an object of settings by name'] });
    expect(await readdir(folder)).toEqual([]);
    expect(settings.state().settings).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses to save plain http:// to another host unless allowInsecure is on, and saves both together (issue 15)', async () => {
    const { settings } = service();
    await settings.load();
    expect(await settings.save({ gatewayUrl: 'http://gw.example:4310' })).toEqual({
      ok: false,
      issues: [expect.stringMatching(/^gatewayUrl: http:\/\/gw\.example:4310 is plain http:\/\/ to a gateway off this machine.*"allowInsecure": true in settings\.json/)],
    });
    expect(await readdir(folder)).toEqual([]);
    expect(await settings.save({ gatewayUrl: 'http://127.0.0.1:9000' })).toMatchObject({ ok: true });
    expect(await settings.save({ gatewayUrl: 'http://gw.example:4310', allowInsecure: true })).toMatchObject({ ok: true });
    expect(await onDisk()).toMatchObject({ gatewayUrl: 'http://gw.example:4310', allowInsecure: true });
    // Turning it off again while the gateway still needs it is refused too: nothing silently changes.
    expect(await settings.save({ allowInsecure: false })).toMatchObject({ ok: false, issues: [expect.stringMatching(/^gatewayUrl: /)] });
    expect(settings.state().settings).toMatchObject({ gatewayUrl: 'http://gw.example:4310', allowInsecure: true });
  });

  it('starts on the default gateway when settings.json holds plain http:// to another host, and says why', async () => {
    await writeFile(file, JSON.stringify({ version: 1, gatewayUrl: 'http://gw.example:4310' }));
    const state = await service().settings.load();
    expect(state.settings.gatewayUrl).toBe(DEFAULT_SETTINGS.gatewayUrl);
    expect(state.notices).toEqual([expect.stringMatching(/^settings\.json had values that are not allowed, so their defaults are in use: gatewayUrl: http:\/\/gw\.example:4310 is plain http:\/\//)]);
  });

  it('survives a corrupt file: defaults, a notice with the line, and the broken file kept beside', async () => {
    await writeFile(file, '{\n  "version": 1,\n  "mode": "wall"\n  "display": 1\n}');
    const { settings, logged } = service();
    const state = await settings.load();
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    expect(state.notices).toEqual([
      expect.stringMatching(
        /^settings\.json was unreadable \(line 4, column 3: .+\); defaults are in use and the broken file was kept as settings\.json\.corrupt-2026-11-24T04-10-00Z\.$/,
      ),
    ]);
    expect(logged).toEqual(state.notices);
    expect(await readdir(folder)).toEqual(['settings.json.corrupt-2026-11-24T04-10-00Z']);
    expect(await readFile(join(folder, 'settings.json.corrupt-2026-11-24T04-10-00Z'), 'utf8')).toContain('"display": 1');

    expect(await settings.save({ mode: 'wall' })).toMatchObject({ ok: true, state: { notices: [] } });
    expect(await onDisk()).toMatchObject({ mode: 'wall' });
  });

  it('repairs a file with bad values: keeps the good ones, names the bad ones, keeps the original beside', async () => {
    await writeFile(file, JSON.stringify({ version: 1, gatewayUrl: 'https://gw.example', mode: 'tv', display: '2' }));
    const state = await service().settings.load();
    expect(state.settings).toEqual({ ...DEFAULT_SETTINGS, gatewayUrl: 'https://gw.example' });
    expect(state.notices).toEqual([
      'settings.json had values that are not allowed, so their defaults are in use: mode: must be wall or desk; ' +
        'display: must be a whole number from 0 (the primary display) to 15, or null (the OS chooses); ' +
        'the broken file was kept as settings.json.corrupt-2026-11-24T04-10-00Z.',
    ]);
    expect(await onDisk()).toMatchObject({ gatewayUrl: 'https://gw.example', mode: 'desk', display: null });
    expect((await readdir(folder)).sort()).toEqual(['settings.json', 'settings.json.corrupt-2026-11-24T04-10-00Z']);
  });

  it('says so when the file exists but cannot be read, and goes on with defaults', async () => {
    const unreadable: SettingsFs = {
      ...realFs,
      readFile: async () => {
        throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
      },
    };
    const state = await service({ fs: unreadable }).settings.load();
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    expect(state.notices).toEqual([`settings.json could not be read (EACCES: permission denied, open '${file}'); defaults are in use.`]);
  });

  it('without a keyring, stores the token in clear and says so', async () => {
    const { settings } = service({ keyring: false });
    await settings.load();
    const saved = await settings.save({ token: 'dsp_clear' });
    expect(saved).toEqual({
      ok: true,
      state: {
        settings: { ...DEFAULT_SETTINGS, token: 'dsp_clear' },
        commandLine: {},
        notices: ['The token is stored unencrypted in settings.json: this system offers no keyring to encrypt it with.'],
        tokenEncrypted: false,
      },
    });
    expect(await onDisk()).toMatchObject({ token: { plainText: 'dsp_clear' } });
    expect((await service({ keyring: false }).settings.load()).settings.token).toBe('dsp_clear');
  });

  it('encrypts a token stored in clear once a keyring is available', async () => {
    await writeFile(file, JSON.stringify({ version: 1, token: { plainText: 'dsp_clear' } }));
    const state = await service().settings.load();
    expect(state).toMatchObject({ settings: { token: 'dsp_clear' }, notices: [], tokenEncrypted: true });
    expect(await onDisk()).toMatchObject({ token: { safeStorage: expect.any(String) } });
  });

  it('asks for the token again when it cannot be decrypted (e.g. the keyring was reset)', async () => {
    await writeFile(file, JSON.stringify({ version: 1, mode: 'wall', token: { safeStorage: 'bm9wZQ==' } }));
    const state = await service().settings.load();
    expect(state.settings).toEqual({ ...DEFAULT_SETTINGS, mode: 'wall' });
    expect(state.notices).toEqual([expect.stringMatching(/^The saved token could not be decrypted \(.+\); enter it again in the settings\.$/)]);
  });

  it('reports the flags that override settings for this run', async () => {
    const state = await service({ commandLine: { mode: 'wall', display: 2 } }).settings.load();
    expect(state.commandLine).toEqual({ mode: 'wall', display: 2 });
  });

  it('fails a save whose write fails with a message naming the file, and keeps the settings in use', async () => {
    const { settings } = service({ fs: { ...realFs, rename: async () => Promise.reject(new Error('ENOSPC: no space left on device')) } });
    await settings.load();
    await expect(settings.save({ mode: 'wall' })).rejects.toThrow(`could not save ${file}: ENOSPC: no space left on device`);
    expect(settings.state().settings.mode).toBe('desk');
    expect(await settings.save({ display: 1 }).catch((error: Error) => error.message)).toMatch(/ENOSPC/);
  });

  it('applies quick successive saves in order, each on top of the last', async () => {
    const { settings } = service();
    await settings.load();
    const saves = [settings.save({ mode: 'wall' }), settings.save({ display: 3 }), settings.save({ mode: 'desk', officeId: 'lisbon' })];
    await Promise.all(saves);
    expect(await onDisk()).toMatchObject({ mode: 'desk', display: 3, officeId: 'lisbon' });
    expect(settings.state().settings).toMatchObject({ mode: 'desk', display: 3, officeId: 'lisbon' });
  });
});

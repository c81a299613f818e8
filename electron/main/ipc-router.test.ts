import * as realFs from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_CHANNELS, type LaunchOptions } from '../../shared/ipc/ipc-contract';
import { fakeSafeStorage } from '../../tests/support/fake-safe-storage';
import { createIpcHandlers } from './ipc-handlers';
import { registerIpcHandlers, type IpcHandlers, type IpcInvokeEvent, type IpcMainLike } from './ipc-router';
import { createSettingsService, type SettingsService } from './settings/settings-service';
import { createTokenVault } from './settings/token-vault';

type Listener = (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>;

class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener) {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }
  /** Calls a channel as ipcRenderer.invoke(channel, ...args) from a frame at `frameUrl` would. */
  invoke(channel: string, frameUrl: string | null, ...args: unknown[]): Promise<unknown> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, ...args);
  }
}

const APP_PAGE = 'app://queueboard/index.html?office=lisbon';
const launchOptions: LaunchOptions = { gatewayUrl: 'http://127.0.0.1:4310', mode: 'wall', officeId: 'lisbon', groupId: 'partners', display: 1 };

let folder: string;
let settings: SettingsService;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'queueboard-ipc-'));
  settings = createSettingsService({
    filePath: join(folder, 'settings.json'),
    fs: realFs,
    platform: 'linux',
    vault: createTokenVault(fakeSafeStorage()),
    commandLine: { mode: 'wall' },
    now: () => 0,
    log: () => {},
  });
  await settings.load();
});
afterAll(() => rm(folder, { recursive: true, force: true }));

const realHandlers = () => createIpcHandlers({ launchOptions, settings });

function setUp(handlers: IpcHandlers = realHandlers()) {
  const ipcMain = new FakeIpcMain();
  const errors: string[] = [];
  registerIpcHandlers(ipcMain, handlers, (m) => errors.push(m));
  return { ipcMain, errors };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the channels of the contract', () => {
    const { ipcMain } = setUp();
    expect([...ipcMain.listeners.keys()].sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
  });

  it('answers get-launch-options for our own page with the parsed options', async () => {
    const { ipcMain, errors } = setUp();
    await expect(ipcMain.invoke('queueboard:get-launch-options', APP_PAGE)).resolves.toEqual(launchOptions);
    await expect(ipcMain.invoke('queueboard:get-launch-options', APP_PAGE, undefined)).resolves.toEqual(launchOptions);
    expect(errors).toEqual([]);
  });

  it.each([
    ['https://evil.example/', /refused a call from https:\/\/evil\.example\/; only app:\/\/queueboard pages may call/],
    ['app://evil/index.html', /refused a call from app:\/\/evil\/index\.html/],
    ['file:///tmp/index.html', /refused a call from file:/],
    [null, /refused a call from a frame that is gone/],
  ])('refuses a sender at %s and logs it', async (frameUrl, expected) => {
    const { ipcMain, errors } = setUp();
    await expect(ipcMain.invoke('queueboard:get-launch-options', frameUrl)).rejects.toThrow(expected);
    expect(errors).toEqual([expect.stringMatching(expected)]);
  });

  it('refuses a request that does not match the channel schema, naming the channel', async () => {
    const { ipcMain } = setUp();
    await expect(ipcMain.invoke('queueboard:get-launch-options', APP_PAGE, { gatewayUrl: 'x' })).rejects.toThrow(
      /^queueboard:get-launch-options: the request is not valid: \(root\): /,
    );
    await expect(ipcMain.invoke('queueboard:get-launch-options', APP_PAGE, undefined, 'extra')).rejects.toThrow(
      'queueboard:get-launch-options: expected at most one request argument, got 2.',
    );
  });

  it('refuses to send a response that does not match the schema', async () => {
    const broken = { 'queueboard:get-launch-options': () => ({ ...launchOptions, mode: 'tv' }) } as unknown as IpcHandlers;
    const { ipcMain, errors } = setUp(broken);
    await expect(ipcMain.invoke('queueboard:get-launch-options', APP_PAGE)).rejects.toThrow(
      /^queueboard:get-launch-options: main produced an invalid response: mode: /,
    );
    expect(errors).toHaveLength(1);
  });

  it('turns a failing handler into an error that names the channel', async () => {
    const failing: IpcHandlers = {
      ...realHandlers(),
      'queueboard:get-launch-options': () => {
        throw new Error('disk on fire');
      },
    };
    const { ipcMain } = setUp(failing);
    await expect(ipcMain.invoke('queueboard:get-launch-options', APP_PAGE)).rejects.toThrow(
      'queueboard:get-launch-options: the handler failed: disk on fire',
    );
  });

  it('refuses to register a channel without the queueboard: prefix, or one the contract lacks', () => {
    const withoutPrefix = { ...realHandlers(), 'get-secrets': () => 'x' } as unknown as IpcHandlers;
    expect(() => setUp(withoutPrefix)).toThrow('IPC channel "get-secrets" must start with "queueboard:"');
    const unknown = { ...realHandlers(), 'queueboard:shell': () => 'x' } as unknown as IpcHandlers;
    expect(() => setUp(unknown)).toThrow('IPC channel "queueboard:shell" is not in IPC_CHANNELS');
  });

  it('get-settings answers our page with the settings, the command-line overrides and the notices', async () => {
    const { ipcMain } = setUp();
    await expect(ipcMain.invoke('queueboard:get-settings', APP_PAGE)).resolves.toMatchObject({
      settings: { mode: 'desk', token: '' },
      commandLine: { mode: 'wall' },
      notices: [],
      tokenEncrypted: true,
    });
  });

  it('save-settings answers bad fields with issues that name them, and saves good ones', async () => {
    const { ipcMain, errors } = setUp();
    await expect(ipcMain.invoke('queueboard:save-settings', APP_PAGE, { gatewayUrl: 'gw:4310' })).resolves.toEqual({
      ok: false,
      issues: ['gatewayUrl: must be an http:// or https:// URL such as http://127.0.0.1:4310'],
    });
    await expect(ipcMain.invoke('queueboard:save-settings', APP_PAGE, { officeId: 'lisbon' })).resolves.toMatchObject({
      ok: true,
      state: { settings: { officeId: 'lisbon' } },
    });
    expect(errors).toEqual([]);
  });

  it('save-settings refuses a request that is not an object, and any sender but our page', async () => {
    const { ipcMain } = setUp();
    await expect(ipcMain.invoke('queueboard:save-settings', APP_PAGE, 'mode=wall')).rejects.toThrow(
      /^queueboard:save-settings: the request is not valid: \(root\): /,
    );
    await expect(ipcMain.invoke('queueboard:save-settings', 'https://evil.example/', { token: 'x' })).rejects.toThrow(/refused a call/);
    expect(settings.state().settings.token).toBe('');
  });
});

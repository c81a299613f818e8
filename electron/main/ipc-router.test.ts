import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, type LaunchOptions } from '../../shared/ipc/ipc-contract';
import { createIpcHandlers } from './ipc-handlers';
import { registerIpcHandlers, type IpcHandlers, type IpcInvokeEvent, type IpcMainLike } from './ipc-router';

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
const launchOptions: LaunchOptions = { gatewayUrl: 'http://127.0.0.1:4310', mode: 'wall', officeId: 'lisbon', display: 1 };

function setUp(handlers: IpcHandlers = createIpcHandlers({ launchOptions })) {
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
      ...createIpcHandlers({ launchOptions }),
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
    const withoutPrefix = { ...createIpcHandlers({ launchOptions }), 'get-secrets': () => 'x' } as unknown as IpcHandlers;
    expect(() => setUp(withoutPrefix)).toThrow('IPC channel "get-secrets" must start with "queueboard:"');
    const unknown = { ...createIpcHandlers({ launchOptions }), 'queueboard:shell': () => 'x' } as unknown as IpcHandlers;
    expect(() => setUp(unknown)).toThrow('IPC channel "queueboard:shell" is not in IPC_CHANNELS');
  });
});

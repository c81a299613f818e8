import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeSafeStorage } from '../../tests/support/fake-safe-storage';

// index.ts is wiring only; this checks the wiring against a recording stand-in for Electron's main API.
type Listener = (...args: unknown[]) => unknown;

const userDataFolders: string[] = [];

function createFakeElectron({ singleInstanceLock = true, systemLanguages = ['en-GB'] } = {}) {
  const userData = mkdtempSync(join(tmpdir(), 'queueboard-userdata-'));
  userDataFolders.push(userData);
  const steps: string[] = [];
  const appListeners = new Map<string, Listener>();
  const windows: BrowserWindow[] = [];
  let protocolHandler: ((request: { url: string; method: string }) => Promise<Response>) | null = null;
  const ipcHandlers = new Map<string, Listener>();
  const sessionHandlers: string[] = [];
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const display = { bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };

  class BrowserWindow extends EventEmitter {
    readonly loaded: string[] = [];
    readonly calls: string[] = [];
    readonly webContents = Object.assign(new EventEmitter(), {
      css: [] as string[],
      insertCSS: async (css: string) => this.webContents.css.push(css),
      reload: () => this.calls.push('reload'),
      forcefullyCrashRenderer: () => {},
      isDestroyed: () => false,
      // Desk mode (issue 7): what the desk services and event sender use.
      getURL: () => this.loaded.at(-1) ?? '',
      send: vi.fn(),
    });
    static getAllWindows = () => windows;
    constructor(readonly options: Record<string, unknown>) {
      super();
      steps.push('new BrowserWindow');
      windows.push(this);
    }
    show() {
      this.calls.push('show');
    }
    focus() {
      this.calls.push('focus');
    }
    restore() {}
    isMinimized = () => false;
    isDestroyed = () => false;
    getBounds = () => display.bounds;
    setBounds() {}
    setKiosk(flag: boolean) {
      this.calls.push(`setKiosk ${flag}`);
    }
    async loadURL(url: string) {
      this.loaded.push(url);
    }
  }
  // Desk mode (issue 7): tray, menu, icons and notifications.
  const trays: Array<{ image: unknown; toolTip: string }> = [];
  class Tray {
    toolTip = '';
    constructor(readonly image: unknown) {
      steps.push('new Tray');
      trays.push(this);
    }
    setImage() {}
    setToolTip(toolTip: string) {
      this.toolTip = toolTip;
    }
    setTitle() {}
    setContextMenu() {}
    on() {}
  }
  const desk = {
    Tray,
    Menu: { buildFromTemplate: (template: unknown) => template },
    nativeImage: { createEmpty: () => ({ representations: [] as unknown[], addRepresentation(r: unknown) { this.representations.push(r); } }) },
    Notification: class {
      static isSupported = () => true;
    },
  };

  const module = {
    app: {
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
      whenReady: () => {
        steps.push('whenReady');
        return ready;
      },
      getPath: (name: string) => {
        if (name !== 'userData' && name !== 'appData') throw new Error(`unexpected app.getPath(${name})`);
        return userData;
      },
      requestSingleInstanceLock: () => {
        steps.push('requestSingleInstanceLock');
        return singleInstanceLock;
      },
      getPreferredSystemLanguages: () => systemLanguages,
      isPackaged: false,
      setLoginItemSettings: vi.fn(),
      quit: vi.fn(),
      exit: vi.fn((code: number) => steps.push(`exit ${code}`)),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: Array<{ scheme: string }>) =>
        steps.push(`registerSchemesAsPrivileged ${schemes.map((s) => s.scheme).join()}`),
      handle: (scheme: string, handler: typeof protocolHandler) => {
        steps.push(`protocol.handle ${scheme}`);
        protocolHandler = handler;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => sessionHandlers.push('request'),
        setPermissionCheckHandler: () => sessionHandlers.push('check'),
      },
    },
    ipcMain: { handle: (channel: string, listener: Listener) => ipcHandlers.set(channel, listener) },
    screen: { getAllDisplays: () => [display], getPrimaryDisplay: () => display, getDisplayMatching: () => display, on: () => {}, removeListener: () => {} },
    powerSaveBlocker: { start: vi.fn(() => 1), stop: vi.fn() },
    safeStorage: fakeSafeStorage(),
    dialog: { showErrorBox: vi.fn((title: string) => steps.push(`showErrorBox ${title}`)) },
    BrowserWindow,
    ...desk,
  };
  return { module, steps, appListeners, windows, ipcHandlers, sessionHandlers, markReady, userData, protocol: () => protocolHandler, trays };
}

async function startMain(args: string[], settingsJson?: string, options?: { singleInstanceLock?: boolean; systemLanguages?: string[] }) {
  const electron = createFakeElectron(options);
  if (settingsJson !== undefined) writeFileSync(join(electron.userData, 'settings.json'), settingsJson);
  vi.resetModules();
  vi.doMock('electron', () => electron.module);
  vi.stubEnv('QUEUEBOARD_GATEWAY_URL', '');
  const argv = process.argv;
  process.argv = ['/opt/Queueboard/queueboard', ...args];
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await import('./index');
  } finally {
    process.argv = argv;
  }
  return electron;
}

/** Lets the startup chain run: it reads settings.json from disk before it opens the window. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 50));
/** Startup reads its files first, so the window comes a few ticks after ready. */
const windowOpened = (electron: { steps: string[] }) =>
  vi.waitFor(() => expect(electron.steps).toContain('new BrowserWindow'));

afterEach(() => {
  vi.doUnmock('electron');
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  for (const folder of userDataFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('electron/main/index.ts wiring', () => {
  it('registers the app scheme before ready, then serves it, guards, answers IPC and opens the window', async () => {
    // Plain http:// to another host needs allowInsecure (issue 15); refused without it, below.
    const electron = await startMain(['--gateway=http://gw.example:4310', '--mode=desk', '--office=lisbon'], JSON.stringify({ version: 1, allowInsecure: true }));
    expect(electron.steps).toEqual(['requestSingleInstanceLock', 'registerSchemesAsPrivileged app', 'whenReady']);
    electron.markReady();
    await windowOpened(electron);
    expect(electron.steps).toEqual([
      'requestSingleInstanceLock',
      'registerSchemesAsPrivileged app',
      'whenReady',
      'protocol.handle app',
      'new Tray',
      'new BrowserWindow',
    ]);
    expect(electron.sessionHandlers.sort()).toEqual(['check', 'request']);

    const [window] = electron.windows;
    expect(window?.loaded).toEqual(['app://queueboard/index.html']);
    expect(window?.options).toMatchObject({ width: 1440, height: 900, show: false });
    expect(window?.options['webPreferences']).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(String((window?.options['webPreferences'] as { preload: string }).preload)).toMatch(/[/\\]preload\.cjs$/);

    const answer = electron.ipcHandlers.get('queueboard:get-launch-options');
    await expect(answer?.({ senderFrame: { url: 'app://queueboard/index.html' } })).resolves.toEqual({
      gatewayUrl: 'http://gw.example:4310',
      mode: 'desk',
      officeId: 'lisbon',
      groupId: null,
      display: null,
    });

    const response = await electron.protocol()?.({ url: 'app://queueboard/index.html', method: 'GET' });
    expect(response?.headers.get('content-security-policy')).toContain('ws://gw.example:4310');
  });

  it('guards every web contents as it is created, and quits when the last window closes', async () => {
    const electron = await startMain([]);
    const contents = { setWindowOpenHandler: vi.fn(), on: vi.fn() };
    electron.appListeners.get('web-contents-created')?.({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.on.mock.calls.map(([event]) => event).sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
    electron.appListeners.get('window-all-closed')?.();
    expect(electron.module.app.quit).toHaveBeenCalledOnce();
  });

  it('stops with a message naming the bad flag, before registering anything', async () => {
    const electron = await startMain(['--mode=tv']);
    expect(electron.steps).toEqual(['showErrorBox Queueboard cannot start', 'exit 2']);
    expect(electron.module.dialog.showErrorBox).toHaveBeenCalledWith(
      'Queueboard cannot start',
      expect.stringContaining('--mode="tv": must be wall or desk'),
    );
    expect(electron.windows).toEqual([]);
  });

  it("says so in the system's language when there are no settings to name one", async () => {
    const electron = await startMain(['--mode=tv'], undefined, { systemLanguages: ['nl-NL', 'en-GB'] });
    expect(electron.steps).toEqual(['showErrorBox Queueboard kan niet starten', 'exit 2']);
  });

  it('stops with a message when a flag points the token at plain http:// off this machine (issue 15)', async () => {
    const electron = await startMain(['--gateway=http://gw.example:4310']);
    electron.markReady();
    await vi.waitFor(() => expect(electron.steps).toContain('exit 2'));
    expect(electron.module.dialog.showErrorBox).toHaveBeenCalledWith(
      'Queueboard cannot start',
      expect.stringContaining('--gateway or QUEUEBOARD_GATEWAY_URL: http://gw.example:4310 is plain http:// to a gateway off this machine'),
    );
    expect(electron.windows).toEqual([]);
  });

  it('runs with the stored settings, each flag overriding its setting for this run, and answers get-settings', async () => {
    const stored = JSON.stringify({ version: 1, gatewayUrl: 'https://gw.example', mode: 'desk', officeId: 'lisbon', display: null });
    const electron = await startMain(['--office=amsterdam'], stored);
    electron.markReady();
    await flush();
    const from = { senderFrame: { url: 'app://queueboard/index.html' } };
    await expect(electron.ipcHandlers.get('queueboard:get-launch-options')?.(from)).resolves.toEqual({
      gatewayUrl: 'https://gw.example',
      mode: 'desk',
      officeId: 'amsterdam',
      // settings.json from before groups existed: the missing setting takes its default, with no notice.
      groupId: null,
      display: null,
    });
    await expect(electron.ipcHandlers.get('queueboard:get-settings')?.(from)).resolves.toMatchObject({
      settings: { gatewayUrl: 'https://gw.example', officeId: 'lisbon', groupId: null },
      commandLine: { officeId: 'amsterdam' },
      notices: [],
    });
    const response = await electron.protocol()?.({ url: 'app://queueboard/index.html', method: 'GET' });
    expect(response?.headers.get('content-security-policy')).toContain('wss://gw.example');
  });

  it('opens the window on defaults when settings.json is corrupt, with the notice for the settings pane', async () => {
    const electron = await startMain([], '{"version": 1, "mode": ');
    electron.markReady();
    await flush();
    expect(electron.windows).toHaveLength(1);
    const state = await electron.ipcHandlers.get('queueboard:get-settings')?.({ senderFrame: { url: 'app://queueboard/index.html' } });
    expect(state).toMatchObject({ settings: { mode: 'desk' }, notices: [expect.stringMatching(/^settings\.json was unreadable/)] });
  });

  it('a second start quits before registering anything', async () => {
    const electron = await startMain(['--mode=wall'], undefined, { singleInstanceLock: false });
    expect(electron.steps).toEqual(['requestSingleInstanceLock']);
    expect(electron.module.app.quit).toHaveBeenCalledOnce();
  });

  it('wall mode: kiosk window, display kept awake, cursor hidden, and a second start re-asserts the wall', async () => {
    const electron = await startMain(['--mode=wall']);
    electron.markReady();
    await flush();
    const [window] = electron.windows;
    expect(window?.options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(electron.module.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    window?.webContents.emit('dom-ready');
    await flush();
    expect(window?.webContents.css).toEqual([expect.stringContaining('cursor: none')]);
    electron.appListeners.get('second-instance')?.();
    expect(window?.calls).toEqual(['setKiosk false', 'setKiosk true', 'show', 'focus']);
  });

  it('desk mode: none of the wall’s machinery, and a second start just raises the window', async () => {
    const electron = await startMain([]);
    electron.markReady();
    // Waits for the window rather than a fixed 50 ms: on a busy machine desk startup takes longer.
    await windowOpened(electron);
    const [window] = electron.windows;
    expect(electron.module.powerSaveBlocker.start).not.toHaveBeenCalled();
    expect(window?.listenerCount('unresponsive')).toBe(0);
    expect(window?.webContents.listenerCount('dom-ready')).toBe(0);
    electron.appListeners.get('second-instance')?.();
    expect(window?.calls).toEqual(['show', 'focus']);
  });

  // Desk mode (issue 7)
  it('desk mode: starts the tray, answers the desk channels, and quits when the desk window closes', async () => {
    const electron = await startMain(['--mode=desk']);
    electron.markReady();
    await windowOpened(electron);
    await vi.waitFor(() => expect(electron.appListeners.has('before-quit')).toBe(true));
    expect(electron.trays.map((t) => t.toolTip)).toEqual(['Queueboard — no pinned queues']);
    const getPins = electron.ipcHandlers.get('queueboard:get-pins');
    await expect(getPins?.({ senderFrame: { url: 'app://queueboard/index.html' } })).resolves.toEqual({ pins: [], notice: null });
    const [window] = electron.windows;
    window?.emit('closed');
    expect(electron.module.app.quit).toHaveBeenCalledOnce();
  });

  it("desk mode: the tray speaks the app settings' language, and follows a saved change of it", async () => {
    const stored = JSON.stringify({ version: 1, gatewayUrl: 'https://gw.example', mode: 'desk', officeId: 'lisbon', display: null, language: 'pt-PT' });
    const electron = await startMain([], stored, { systemLanguages: ['en-GB'] });
    electron.markReady();
    await windowOpened(electron);
    await vi.waitFor(() => expect(electron.trays.map((t) => t.toolTip)).toEqual(['Queueboard — nenhuma fila fixada']));
    const save = electron.ipcHandlers.get('queueboard:save-settings');
    await save?.({ senderFrame: { url: 'app://queueboard/index.html' } }, { language: 'nl' });
    expect(electron.trays[0]?.toolTip).toBe('Queueboard — geen vastgezette wachtrijen');
  });

  it('wall mode: no tray, no pin window, and the desk channels refuse', async () => {
    const electron = await startMain(['--mode=wall']);
    electron.markReady();
    await windowOpened(electron);
    await flush();
    expect(electron.trays).toEqual([]);
    expect(electron.windows).toHaveLength(1);
    const setPinned = electron.ipcHandlers.get('queueboard:set-pinned');
    await expect(
      setPinned?.({ senderFrame: { url: 'app://queueboard/index.html' } }, { kind: 'queue', id: 'lis-chat-pt', pinned: true }),
    ).rejects.toThrow(/only available in desk mode/);
  });
});

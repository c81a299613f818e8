import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// index.ts is wiring only; this checks the wiring against a recording stand-in for Electron's main API.
type Listener = (...args: unknown[]) => unknown;

function createFakeElectron() {
  const steps: string[] = [];
  const appListeners = new Map<string, Listener>();
  const windows: Array<{ options: Record<string, unknown>; loaded: string[]; listeners: Map<string, Listener> }> = [];
  let protocolHandler: ((request: { url: string; method: string }) => Promise<Response>) | null = null;
  const ipcHandlers = new Map<string, Listener>();
  const sessionHandlers: string[] = [];
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const display = { bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };

  class BrowserWindow {
    readonly loaded: string[] = [];
    // Desk mode (issue 7): what the desk services and event sender use.
    readonly listeners = new Map<string, Listener>();
    readonly webContents = { getURL: () => this.loaded.at(-1) ?? '', send: vi.fn() };
    static getAllWindows = () => windows;
    constructor(readonly options: Record<string, unknown>) {
      steps.push('new BrowserWindow');
      windows.push(this);
    }
    once() {}
    show() {}
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    isDestroyed() {
      return false;
    }
    getBounds() {
      return display.bounds;
    }
    async loadURL(url: string) {
      this.loaded.push(url);
    }
  }
  // Desk mode (issue 7): tray, menu, icons and notifications.
  const userData = mkdtempSync(join(tmpdir(), 'queueboard-index-'));
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
      getPath: (name: string) => (name === 'userData' ? userData : `/unexpected/${name}`),
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
      whenReady: () => {
        steps.push('whenReady');
        return ready;
      },
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
    screen: { getAllDisplays: () => [display], getPrimaryDisplay: () => display, getDisplayMatching: () => display, on: () => {} },
    dialog: { showErrorBox: vi.fn((title: string) => steps.push(`showErrorBox ${title}`)) },
    BrowserWindow,
    ...desk,
  };
  const cleanUp = () => rmSync(userData, { recursive: true, force: true });
  return { module, steps, appListeners, windows, ipcHandlers, sessionHandlers, markReady, protocol: () => protocolHandler, trays, cleanUp };
}

const started: Array<{ cleanUp: () => void }> = [];

async function startMain(args: string[]) {
  const electron = createFakeElectron();
  started.push(electron);
  vi.resetModules();
  vi.doMock('electron', () => electron.module);
  vi.stubEnv('QUEUEBOARD_GATEWAY_URL', '');
  const argv = process.argv;
  process.argv = ['/opt/Queueboard/queueboard', ...args];
  vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    await import('./index');
  } finally {
    process.argv = argv;
  }
  return electron;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Startup in desk mode reads its files first, so the window comes a few ticks after ready. */
const windowOpened = (electron: { steps: string[] }) =>
  vi.waitFor(() => expect(electron.steps).toContain('new BrowserWindow'));

afterEach(() => {
  for (const electron of started.splice(0)) electron.cleanUp();
  vi.doUnmock('electron');
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('electron/main/index.ts wiring', () => {
  it('registers the app scheme before ready, then serves it, guards, answers IPC and opens the window', async () => {
    const electron = await startMain(['--gateway=http://gw.example:4310', '--mode=desk', '--office=lisbon']);
    expect(electron.steps).toEqual(['registerSchemesAsPrivileged app', 'whenReady']);
    electron.markReady();
    await windowOpened(electron);
    expect(electron.steps).toEqual(['registerSchemesAsPrivileged app', 'whenReady', 'protocol.handle app', 'new Tray', 'new BrowserWindow']);
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
    window?.listeners.get('closed')?.();
    expect(electron.module.app.quit).toHaveBeenCalledOnce();
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

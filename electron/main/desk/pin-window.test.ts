import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { PinWindowState } from '../../../shared/ipc/desk-contract';
import { FakeTime } from '../../../tests/support/fake-time';
import { screenOf } from '../../../tests/support/fake-screen';
import { buildWindowOptions, type Bounds } from '../window-options';
import { bottomRight } from './pin-window-placement';
import { NO_PIN_WINDOW_FILE, PinWindow, type PinBrowserWindow, type PinWindowFile } from './pin-window';

const laptop = { workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const monitor = { workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };
const PINS_URL = 'app://queueboard/index.html#pins';

class FakeWindow implements PinBrowserWindow {
  readonly calls: string[] = [];
  readonly listeners = new Map<string, () => void>();
  bounds: Bounds;
  constructor(
    readonly options: BrowserWindowConstructorOptions,
    private readonly loadError: Error | null = null,
  ) {
    this.bounds = { x: options.x!, y: options.y!, width: options.width!, height: options.height! };
  }
  getBounds() {
    return { ...this.bounds };
  }
  setBounds(bounds: Bounds) {
    this.calls.push('setBounds');
    this.bounds = bounds;
    this.emit('move');
  }
  showInactive() {
    this.calls.push('showInactive');
  }
  hide() {
    this.calls.push('hide');
  }
  on(event: string, listener: () => void) {
    this.listeners.set(event, listener);
  }
  once(event: string, listener: () => void) {
    this.listeners.set(event, listener);
  }
  async loadURL(url: string) {
    this.calls.push(`load ${url}`);
    if (this.loadError) throw this.loadError;
  }
  emit(event: string) {
    this.listeners.get(event)?.();
  }
  /** The lead drags the window. */
  dragTo(x: number, y: number) {
    this.bounds = { ...this.bounds, x, y };
    this.emit('move');
  }
}

const laptopScreen = { getAllDisplays: () => [{ ...laptop, bounds: laptop.workArea }], getPrimaryDisplay: () => ({ ...laptop, bounds: laptop.workArea }) };
const webPreferences = buildWindowOptions({ mode: 'desk', display: null, preloadPath: '/app/preload.cjs', screen: laptopScreen, warn: () => {} })
  .webPreferences;

function setUp(
  saved: PinWindowFile = NO_PIN_WINDOW_FILE,
  deskBounds: Bounds | null = { x: 1600, y: 100, width: 1440, height: 900 },
  loadError: Error | null = null,
) {
  const displays = [laptop, monitor];
  const screenListeners: Array<() => void> = [];
  const screen = {
    // Asks about the displays as they are now, so unplugging one shows.
    getDisplayMatching: (rect: Bounds) => screenOf(...displays).getDisplayMatching(rect),
    getPrimaryDisplay: () => displays[0]!,
    on: (_event: string, listener: () => void) => void screenListeners.push(listener),
  };
  const windows: FakeWindow[] = [];
  const writes: PinWindowFile[] = [];
  const changes: PinWindowState[] = [];
  const errors: string[] = [];
  const clock = new FakeTime(0);
  const pinWindow = new PinWindow({
    createWindow: (options) => {
      const window = new FakeWindow(options, loadError);
      windows.push(window);
      return window;
    },
    webPreferences,
    url: PINS_URL,
    screen,
    deskBounds: () => deskBounds,
    file: { load: async () => ({ value: saved, notice: null }), save: async (file) => void writes.push(file) },
    clock,
    onVisibilityChange: (state) => changes.push(state),
    logError: (m) => errors.push(m),
  });
  const unplugMonitor = () => {
    displays.splice(1, 1);
    for (const listener of screenListeners) listener();
  };
  return { pinWindow, windows, writes, changes, errors, clock, unplugMonitor };
}

describe('PinWindow', () => {
  it('opens a frameless, always-on-top window with the main window’s security, loading the #pins view', async () => {
    const { pinWindow, windows, changes } = setUp();
    await pinWindow.restore();
    expect(windows).toEqual([]);
    expect(pinWindow.apply('show')).toEqual({ visible: true });
    const [window] = windows;
    expect(window?.options).toMatchObject({ frame: false, alwaysOnTop: true, skipTaskbar: true, show: false, webPreferences });
    expect(window?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(window?.calls).toEqual([`load ${PINS_URL}`]);
    window?.emit('ready-to-show');
    expect(window?.calls).toEqual([`load ${PINS_URL}`, 'showInactive']);
    expect(changes).toEqual([{ visible: true }]);
  });

  it('sits in the bottom-right corner of the display nearest the desk window', () => {
    const { pinWindow, windows } = setUp();
    pinWindow.apply('show');
    const { x, y, width, height } = windows[0]!.options;
    expect({ x, y, width, height }).toEqual(bottomRight(monitor.workArea));
  });

  it('hides and shows the same window again; toggle flips; each change is announced and saved', () => {
    const { pinWindow, windows, changes, writes } = setUp();
    pinWindow.apply('show');
    expect(pinWindow.apply('toggle')).toEqual({ visible: false });
    expect(pinWindow.apply('hide')).toEqual({ visible: false });
    expect(pinWindow.apply('toggle')).toEqual({ visible: true });
    expect(windows).toHaveLength(1);
    expect(windows[0]?.calls.slice(1)).toEqual(['hide', 'showInactive']);
    expect(changes).toEqual([{ visible: true }, { visible: false }, { visible: true }]);
    expect(writes.map((w) => w.visible)).toEqual([true, false, true]);
  });

  it('remembers where the lead moved it, once the window rests, and opens there next time', async () => {
    const first = setUp();
    first.pinWindow.apply('show');
    first.clock.advance(1_000);
    expect(first.writes.filter((w) => w.bounds !== null)).toEqual([]);
    first.windows[0]?.dragTo(1500, 40);
    first.windows[0]?.dragTo(1510, 50);
    first.clock.advance(499);
    expect(first.writes.at(-1)?.bounds).toBeNull();
    first.clock.advance(1);
    expect(first.writes.at(-1)).toEqual({ version: 1, bounds: { x: 1510, y: 50, width: 340, height: 420 }, visible: true });

    const second = setUp(first.writes.at(-1));
    await second.pinWindow.restore();
    expect(second.windows[0]?.options).toMatchObject({ x: 1510, y: 50 });
  });

  it('comes back inside the laptop’s work area when the monitor it was on is unplugged', () => {
    const { pinWindow, windows, unplugMonitor, clock, writes } = setUp();
    pinWindow.apply('show');
    unplugMonitor();
    const window = windows[0]!;
    expect(window.calls).toContain('setBounds');
    expect(window.bounds).toEqual({ x: 1440 - 340, y: 25 + 875 - 420, width: 340, height: 420 });
    clock.advance(1_000);
    // Main moved it, not the lead: the lead's place (none yet) is kept.
    expect(writes.every((w) => w.bounds === null)).toBe(true);
  });

  it('reopens at start when it was open at quit, and quitting does not count as closing it', async () => {
    const { pinWindow, windows, writes } = setUp({ version: 1, bounds: null, visible: true });
    expect(await pinWindow.restore()).toEqual({ visible: true });
    expect(windows).toHaveLength(1);
    pinWindow.appQuitting();
    windows[0]?.emit('closed');
    expect(writes).toEqual([]);
  });

  it('a window closed by the lead (Alt+F4) is hidden state, and the next show makes a new one', () => {
    const { pinWindow, windows, changes } = setUp();
    pinWindow.apply('show');
    windows[0]?.emit('closed');
    expect(pinWindow.state()).toEqual({ visible: false });
    expect(changes.at(-1)).toEqual({ visible: false });
    pinWindow.apply('show');
    expect(windows).toHaveLength(2);
  });

  it('logs a failed load and shows the window anyway', async () => {
    const { pinWindow, windows, errors } = setUp(NO_PIN_WINDOW_FILE, null, new Error('ERR_FAILED (-2)'));
    pinWindow.apply('show');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(errors).toEqual([`Could not load the pin window (${PINS_URL}): ERR_FAILED (-2)`]);
    expect(windows[0]?.calls).toEqual([`load ${PINS_URL}`, 'showInactive']);
  });
});

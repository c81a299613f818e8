import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeKioskWindow, FakeScreen, PRIMARY, SECOND } from '../../../tests/support/fake-displays';
import { HIDE_CURSOR_CSS, startWallMode } from './wall-mode';

class FakeWallContents extends EventEmitter {
  readonly css: string[] = [];
  readonly calls: string[] = [];
  failCss = false;
  async insertCSS(css: string) {
    if (this.failCss) throw new Error('frame is gone');
    this.css.push(css);
    return `key-${this.css.length}`;
  }
  reload() {
    this.calls.push('reload');
  }
  forcefullyCrashRenderer() {
    this.calls.push('forcefullyCrashRenderer');
  }
  isDestroyed() {
    return false;
  }
}

class FakeWallWindow extends FakeKioskWindow {
  readonly webContents = new FakeWallContents();
  minimized = false;
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.calls.push('restore');
  }
  show() {
    this.calls.push('show');
  }
  focus() {
    this.calls.push('focus');
  }
}

function fakeBlocker() {
  const active = new Set<number>();
  let next = 7;
  return {
    active,
    types: [] as string[],
    start(type: 'prevent-display-sleep') {
      this.types.push(type);
      active.add(next);
      return next++;
    },
    stop(id: number) {
      active.delete(id);
    },
  };
}

const timers = { setTimeout: (f: () => void, ms: number) => setTimeout(f, ms), clearTimeout: (h: unknown) => clearTimeout(h as number) };

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

function start() {
  const window = new FakeWallWindow(SECOND);
  const screen = new FakeScreen([{ bounds: PRIMARY }, { bounds: SECOND }]);
  const powerSaveBlocker = fakeBlocker();
  const logged: string[] = [];
  const wall = startWallMode({ window, screen, powerSaveBlocker, display: 1, timers, now: () => Date.now(), log: (m) => logged.push(m) });
  return { window, screen, powerSaveBlocker, logged, wall };
}

describe('startWallMode', () => {
  it('keeps the display awake while the wall window lives, and lets it sleep once it closes', () => {
    const { window, powerSaveBlocker } = start();
    expect(powerSaveBlocker.types).toEqual(['prevent-display-sleep']);
    expect([...powerSaveBlocker.active]).toEqual([7]);
    window.emit('closed');
    expect([...powerSaveBlocker.active]).toEqual([]);
  });

  it('hides the cursor on every page load, reloads included', async () => {
    const { window } = start();
    window.webContents.emit('dom-ready');
    window.webContents.emit('dom-ready');
    await vi.waitFor(() => expect(window.webContents.css).toEqual([HIDE_CURSOR_CSS, HIDE_CURSOR_CSS]));
    expect(HIDE_CURSOR_CSS).toMatch(/cursor: none !important/);
  });

  it('logs a cursor that could not be hidden instead of failing', async () => {
    const { window, logged } = start();
    window.webContents.failCss = true;
    window.webContents.emit('dom-ready');
    await vi.waitFor(() => expect(logged).toEqual(['Could not hide the cursor: frame is gone']));
  });

  it('follows its display and stops following once the window closes', () => {
    const { window, screen } = start();
    screen.unplug(1);
    vi.advanceTimersByTime(500);
    expect(window.bounds).toEqual(PRIMARY);
    window.emit('closed');
    screen.plug(SECOND);
    vi.advanceTimersByTime(500);
    expect(window.bounds).toEqual(PRIMARY);
  });

  it('reloads its page after a crash', () => {
    const { window, wall } = start();
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    vi.advanceTimersByTime(1_000);
    expect(window.webContents.calls).toEqual(['reload']);
    expect(wall.watchdog.reloads()).toBe(1);
  });

  it('reassert brings a minimised wall back, in kiosk on its display, in front', () => {
    const { window, wall } = start();
    window.minimized = true;
    wall.reassert();
    expect(window.calls).toEqual(['restore', 'setKiosk false', 'setBounds 1920,0 3840x2160', 'setKiosk true', 'show', 'focus']);
    window.destroyed = true;
    window.calls.length = 0;
    wall.reassert();
    expect(window.calls).toEqual([]);
  });
});

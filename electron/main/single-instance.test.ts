import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, raiseWindow, type RaisableWindow } from './single-instance';

function fakeApp(lock: boolean) {
  const listeners = new Map<string, () => void>();
  return {
    listeners,
    requestSingleInstanceLock: vi.fn(() => lock),
    on: (event: string, listener: () => void) => listeners.set(event, listener),
    quit: vi.fn(),
  };
}

describe('claimSingleInstance', () => {
  it('the first instance keeps running and brings itself to the front when a second one starts', () => {
    const app = fakeApp(true);
    const bringToFront = vi.fn();
    expect(claimSingleInstance(app, bringToFront, () => {})).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.listeners.get('second-instance')?.();
    expect(bringToFront).toHaveBeenCalledOnce();
  });

  it('a second instance quits, saying why, and registers nothing', () => {
    const app = fakeApp(false);
    const logged: string[] = [];
    expect(claimSingleInstance(app, () => {}, (m) => logged.push(m))).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.listeners.size).toBe(0);
    expect(logged).toEqual(['Queueboard is already running; its window comes to the front and this start quits.']);
  });
});

describe('raiseWindow', () => {
  function fakeWindow(state: { minimized?: boolean; destroyed?: boolean } = {}) {
    const calls: string[] = [];
    const window: RaisableWindow = {
      isDestroyed: () => state.destroyed ?? false,
      isMinimized: () => state.minimized ?? false,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    };
    return { window, calls };
  }

  it('restores a minimised window, shows and focuses it', () => {
    const { window, calls } = fakeWindow({ minimized: true });
    raiseWindow(window);
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });

  it('shows and focuses a window that is not minimised, and leaves a destroyed one alone', () => {
    const open = fakeWindow();
    raiseWindow(open.window);
    expect(open.calls).toEqual(['show', 'focus']);
    const gone = fakeWindow({ destroyed: true, minimized: true });
    raiseWindow(gone.window);
    expect(gone.calls).toEqual([]);
  });
});

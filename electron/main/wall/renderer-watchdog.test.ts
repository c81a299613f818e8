import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchRenderer, type RendererWatchdogOptions } from './renderer-watchdog';

class FakeContents extends EventEmitter {
  readonly calls: string[] = [];
  destroyed = false;
  reload() {
    this.calls.push('reload');
  }
  forcefullyCrashRenderer() {
    this.calls.push('forcefullyCrashRenderer');
  }
  isDestroyed() {
    return this.destroyed;
  }
  crash(reason = 'crashed', exitCode = 139) {
    this.emit('render-process-gone', {}, { reason, exitCode });
  }
}

class FakeWindow extends EventEmitter {
  readonly webContents = new FakeContents();
}

const timers = { setTimeout: (f: () => void, ms: number) => setTimeout(f, ms), clearTimeout: (h: unknown) => clearTimeout(h as number) };

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

function watch(options: Partial<RendererWatchdogOptions> = {}) {
  const window = new FakeWindow();
  const logged: string[] = [];
  const watchdog = watchRenderer({ window, timers, now: () => Date.now(), log: (m) => logged.push(m), ...options });
  return { window, contents: window.webContents, logged, watchdog };
}

describe('watchRenderer', () => {
  it('reloads a crashed page after a short wait, counting and logging it', () => {
    const { contents, logged, watchdog } = watch();
    contents.crash('crashed', 139);
    vi.advanceTimersByTime(999);
    expect(contents.calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(contents.calls).toEqual(['reload']);
    expect(watchdog.reloads()).toBe(1);
    expect(logged).toEqual([
      "The wall page's renderer is gone (crashed, exit code 139); reloading in 1 s (1 in a row).",
      'Reloading the wall page (after renderer crashed); reload 1 since start.',
    ]);
  });

  it('doubles the wait while the page keeps crashing, up to the cap, and never gives up', () => {
    const { contents, logged, watchdog } = watch({ maxDelayMs: 8_000 });
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      contents.crash('oom', 0);
      const before = Date.now();
      vi.advanceTimersToNextTimer();
      waits.push(Date.now() - before);
      vi.advanceTimersByTime(5_000);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000, 8_000]);
    expect(watchdog.reloads()).toBe(7);
    expect(logged.at(-2)).toMatch(/reloading in 8 s \(7 in a row\)/);
  });

  it('starts from the short wait again once the page has stayed up for a while', () => {
    const { contents, logged } = watch({ stableAfterMs: 60_000 });
    contents.crash();
    vi.advanceTimersByTime(1_000);
    contents.crash();
    vi.advanceTimersByTime(2_000);
    vi.advanceTimersByTime(60_000);
    contents.crash();
    expect(logged.at(-1)).toMatch(/reloading in 1 s \(1 in a row\)/);
  });

  it('schedules one reload however many times the gone event fires before it', () => {
    const { contents } = watch();
    contents.crash();
    contents.crash();
    vi.advanceTimersByTime(10_000);
    expect(contents.calls).toEqual(['reload']);
  });

  it('restarts a renderer that stays unresponsive: kills it and reloads at once, counted once', () => {
    const { window, contents, logged, watchdog } = watch({ hangMs: 15_000 });
    window.emit('unresponsive');
    vi.advanceTimersByTime(14_999);
    expect(contents.calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(contents.calls).toEqual(['forcefullyCrashRenderer', 'reload']);
    contents.crash('killed', 9);
    vi.advanceTimersByTime(60_000);
    expect(contents.calls).toEqual(['forcefullyCrashRenderer', 'reload']);
    expect(watchdog.reloads()).toBe(1);
    expect(logged).toEqual([
      'The wall page has not responded for 15 s; restarting its renderer.',
      'Reloading the wall page (renderer hung); reload 1 since start.',
    ]);
  });

  it('leaves a page alone that becomes responsive again in time', () => {
    const { window, contents } = watch({ hangMs: 15_000 });
    window.emit('unresponsive');
    vi.advanceTimersByTime(10_000);
    window.emit('unresponsive');
    window.emit('responsive');
    vi.advanceTimersByTime(60_000);
    expect(contents.calls).toEqual([]);
  });

  it('treats a later kill by someone else as a crash', () => {
    const { window, contents } = watch({ hangMs: 1_000 });
    window.emit('unresponsive');
    vi.advanceTimersByTime(1_000);
    vi.advanceTimersByTime(30_000);
    contents.crash('killed', 9);
    vi.advanceTimersToNextTimer();
    expect(contents.calls).toEqual(['forcefullyCrashRenderer', 'reload', 'reload']);
  });

  it('cancels what is pending when the window closes, and never reloads a destroyed page', () => {
    const { window, contents } = watch();
    contents.crash();
    window.emit('unresponsive');
    window.emit('closed');
    expect(vi.getTimerCount()).toBe(0);
    const second = watch();
    second.contents.crash();
    second.contents.destroyed = true;
    vi.advanceTimersByTime(10_000);
    expect(second.contents.calls).toEqual([]);
    expect(second.watchdog.reloads()).toBe(0);
  });
});

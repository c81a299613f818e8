import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeKioskWindow, FakeScreen, PRIMARY, SECOND } from '../../../tests/support/fake-displays';
import { followChosenDisplay } from './display-follower';

const timers = { setTimeout: (f: () => void, ms: number) => setTimeout(f, ms), clearTimeout: (h: unknown) => clearTimeout(h as number) };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function follow(display: number | null, startOn = SECOND) {
  const screen = new FakeScreen([{ bounds: PRIMARY }, { bounds: SECOND }]);
  const window = new FakeKioskWindow(startOn);
  const logged: string[] = [];
  const follower = followChosenDisplay({ window, screen, display, timers, log: (m) => logged.push(m) });
  return { screen, window, logged, follower };
}

const moveTo = (b: typeof PRIMARY) => ['setKiosk false', `setBounds ${b.x},${b.y} ${b.width}x${b.height}`, 'setKiosk true'];

describe('followChosenDisplay', () => {
  it('leaves the window alone at start: it was created on its display, and is still hidden', () => {
    const { window, logged } = follow(1, PRIMARY);
    expect(window.calls).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('leaves a wall that already fills its display alone when displays change elsewhere', () => {
    const { screen, window, logged } = follow(1);
    screen.plug({ x: -1280, y: 0, width: 1280, height: 1024 });
    vi.advanceTimersByTime(500);
    expect(window.calls).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('moves to the primary display once the chosen one is unplugged, after the events settle', () => {
    const { screen, window, logged } = follow(1);
    screen.unplug(1);
    expect(window.calls).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(window.calls).toEqual(moveTo(PRIMARY));
    expect(logged).toEqual([
      'Display 1 is gone; the wall moves to the primary display until it returns.',
      'The wall fills 1920×1080 at (0, 0).',
    ]);
  });

  it('moves back when the chosen display returns', () => {
    const { screen, window, logged } = follow(1);
    screen.unplug(1);
    vi.advanceTimersByTime(500);
    window.calls.length = 0;
    logged.length = 0;
    screen.plug(SECOND);
    vi.advanceTimersByTime(500);
    expect(window.calls).toEqual(moveTo(SECOND));
    expect(logged[0]).toBe('Display 1 is connected; the wall moves to it.');
  });

  it('moves once for a burst of display events', () => {
    const { screen, window } = follow(1);
    screen.unplug(1);
    vi.advanceTimersByTime(200);
    screen.resize(0, PRIMARY);
    vi.advanceTimersByTime(200);
    screen.plug({ x: 1920, y: 0, width: 2560, height: 1440 });
    vi.advanceTimersByTime(499);
    expect(window.calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(window.calls).toEqual(moveTo({ x: 1920, y: 0, width: 2560, height: 1440 }));
  });

  it('follows a change of resolution of its own display', () => {
    const { screen, window } = follow(1);
    const smaller = { x: 1920, y: 0, width: 2560, height: 1440 };
    screen.resize(1, smaller);
    vi.advanceTimersByTime(500);
    expect(window.calls).toEqual(moveTo(smaller));
  });

  it('with no display chosen, keeps the wall on the primary display', () => {
    const { screen, window, logged } = follow(null, PRIMARY);
    screen.resize(1, { x: 1920, y: 0, width: 1280, height: 720 });
    vi.advanceTimersByTime(500);
    expect(window.calls).toEqual([]);
    const smaller = { x: 0, y: 0, width: 1280, height: 720 };
    screen.resize(0, smaller);
    vi.advanceTimersByTime(500);
    expect(window.calls).toEqual(moveTo(smaller));
    expect(logged.filter((m) => m.includes('gone') || m.includes('connected'))).toEqual([]);
  });

  it('starting on the primary display because the chosen one is missing, moves to it when it is plugged in', () => {
    const screen = new FakeScreen([{ bounds: PRIMARY }]);
    const window = new FakeKioskWindow(PRIMARY);
    const logged: string[] = [];
    followChosenDisplay({ window, screen, display: 1, timers, log: (m) => logged.push(m) });
    screen.plug(SECOND);
    vi.advanceTimersByTime(500);
    expect(window.calls).toEqual(moveTo(SECOND));
    expect(logged).toEqual(['Display 1 is connected; the wall moves to it.', 'The wall fills 3840×2160 at (1920, 0).']);
  });

  it('placeNow re-asserts kiosk on the display even when the wall seems to be there', () => {
    const { window, follower } = follow(1);
    follower.placeNow();
    expect(window.calls).toEqual(moveTo(SECOND));
  });

  it('stops listening and drops a pending move when stopped', () => {
    const { screen, window, follower } = follow(1);
    screen.unplug(1);
    follower.stop();
    vi.advanceTimersByTime(1000);
    screen.plug({ x: 1920, y: 0, width: 800, height: 600 });
    vi.advanceTimersByTime(1000);
    expect(window.calls).toEqual([]);
    expect(screen.listenerCount('display-added') + screen.listenerCount('display-removed')).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not touch a window that has been destroyed', () => {
    const { screen, window } = follow(1);
    window.destroyed = true;
    screen.unplug(1);
    vi.advanceTimersByTime(500);
    expect(window.calls).toEqual([]);
  });
});

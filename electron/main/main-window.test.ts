import { describe, expect, it } from 'vitest';
import { openWindow, type OpenableWindow } from './main-window';

class FakeWindow implements OpenableWindow {
  readonly calls: string[] = [];
  private readyListener: (() => void) | null = null;
  constructor(private readonly loadResult: Promise<void> = Promise.resolve()) {}
  once(event: 'ready-to-show', listener: () => void) {
    this.calls.push(`once ${event}`);
    this.readyListener = listener;
  }
  show() {
    this.calls.push('show');
  }
  loadURL(url: string) {
    this.calls.push(`load ${url}`);
    return this.loadResult;
  }
  paintFirstFrame() {
    this.readyListener?.();
  }
}

describe('openWindow', () => {
  it('listens for ready-to-show before loading, and shows the window only then', async () => {
    const window = new FakeWindow();
    const errors: string[] = [];
    expect(await openWindow(() => window, 'app://queueboard/index.html', (m) => errors.push(m))).toBe(window);
    expect(window.calls).toEqual(['once ready-to-show', 'load app://queueboard/index.html']);
    window.paintFirstFrame();
    expect(window.calls.at(-1)).toBe('show');
    expect(errors).toEqual([]);
  });

  it('logs a failed load with the URL and the reason, and shows the window', async () => {
    const window = new FakeWindow(Promise.reject(new Error('ERR_FILE_NOT_FOUND (-6)')));
    const errors: string[] = [];
    await openWindow(() => window, 'app://queueboard/index.html', (m) => errors.push(m));
    expect(errors).toEqual(['Could not load app://queueboard/index.html: ERR_FILE_NOT_FOUND (-6)']);
    expect(window.calls).toContain('show');
  });
});

/** The part of Electron's app the lock uses; the real one fits, tests pass a fake. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
  quit(): void;
}

/**
 * One Queueboard per user: a second start quits at once and the first brings its window to the front.
 * Both modes take the lock: two instances would share one settings.json and one Chromium profile, and
 * a wall must not end up with two kiosk windows after someone double-clicks the icon.
 */
export function claimSingleInstance(app: SingleInstanceApp, bringToFront: () => void, log: (message: string) => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    log('Queueboard is already running; its window comes to the front and this start quits.');
    app.quit();
    return false;
  }
  app.on('second-instance', bringToFront);
  return true;
}

/** The part of a BrowserWindow that coming to the front needs. */
export interface RaisableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** Desk mode's answer to a second start: the existing window, restored and focused. */
export function raiseWindow(window: RaisableWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** The part of a BrowserWindow that opening it needs; the real one fits, tests pass a fake. */
export interface OpenableWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
}

/**
 * Creates the window hidden and shows it on its first painted frame, so a wall never shows an
 * empty white window. A failed load is logged and the window shown anyway: the error page says
 * more on a wall than a window that never appears.
 */
export async function openWindow<W extends OpenableWindow>(
  create: () => W,
  url: string,
  logError: (message: string) => void,
): Promise<W> {
  const window = create();
  window.once('ready-to-show', () => window.show());
  try {
    await window.loadURL(url);
  } catch (error) {
    logError(`Could not load ${url}: ${(error as Error).message}`);
    window.show();
  }
  return window;
}

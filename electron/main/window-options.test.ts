import { describe, expect, it } from 'vitest';
import { buildWindowOptions, childWindowOptions, WINDOW_BACKGROUND, type Bounds, type DisplayScreen, type WindowOptionsInput } from './window-options';

const display = (bounds: Bounds) => ({ bounds, workArea: { ...bounds, y: bounds.y + 30, height: bounds.height - 30 } });
const primary = display({ x: 0, y: 0, width: 1920, height: 1080 });
const second = display({ x: 1920, y: 0, width: 3840, height: 2160 });
const screen: DisplayScreen = { getAllDisplays: () => [primary, second], getPrimaryDisplay: () => primary };

function build(overrides: Partial<WindowOptionsInput> = {}) {
  const warnings: string[] = [];
  const options = buildWindowOptions({
    mode: 'wall',
    display: null,
    preloadPath: '/app/dist/electron/preload.cjs',
    screen,
    warn: (message) => warnings.push(message),
    ...overrides,
  });
  return { options, warnings };
}

describe('buildWindowOptions', () => {
  it.each(['wall', 'desk'] as const)('%s: keeps every web preference locked down and loads the preload', (mode) => {
    const { options } = build({ mode });
    expect(options.webPreferences).toEqual({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
    expect(options).toMatchObject({ show: false, backgroundColor: WINDOW_BACKGROUND, title: 'Queueboard' });
    expect(WINDOW_BACKGROUND).toMatch(/^#[0-3][0-9a-f][0-3][0-9a-f][0-3][0-9a-f]$/);
  });

  it('wall: fills the chosen display in kiosk mode', () => {
    const { options, warnings } = build({ display: 1 });
    expect(options).toMatchObject({ fullscreen: true, kiosk: true, ...second.bounds });
    expect(warnings).toEqual([]);
  });

  it('wall: with no display chosen, fills the primary display', () => {
    const { options } = build({ display: null });
    expect(options).toMatchObject({ fullscreen: true, kiosk: true, ...primary.bounds });
  });

  it('wall: falls back to the primary display with a warning that names the index and what exists', () => {
    const { options, warnings } = build({ display: 5 });
    expect(options).toMatchObject({ fullscreen: true, kiosk: true, ...primary.bounds });
    expect(warnings).toEqual([
      'Display 5 does not exist (this machine has 2, numbered 0 to 1); using the primary display.',
    ]);
  });

  it('desk: a normal, centred, resizable window', () => {
    const { options } = build({ mode: 'desk' });
    expect(options).toMatchObject({ width: 1440, height: 900, center: true });
    expect(options.fullscreen).toBeUndefined();
    expect(options.kiosk).toBeUndefined();
  });

  it('desk: centred in the work area of the chosen display', () => {
    const { options } = build({ mode: 'desk', display: 1 });
    expect(options).toMatchObject({ x: 1920 + (3840 - 1440) / 2, y: 30 + (2130 - 900) / 2, width: 1440, height: 900 });
  });

  it('desk: shrinks to a display smaller than the default size', () => {
    const small = display({ x: 0, y: 0, width: 1280, height: 720 });
    const { options } = build({
      mode: 'desk',
      display: 0,
      screen: { getAllDisplays: () => [small], getPrimaryDisplay: () => small },
    });
    expect(options).toMatchObject({ x: 0, y: 30, width: 1280, height: 690 });
  });
});

describe('childWindowOptions', () => {
  it("keeps the child's size and chrome but always the main window's web preferences", () => {
    const { options: main } = build({ mode: 'desk' });
    const child = childWindowOptions(main, { width: 300, frame: false, webPreferences: { sandbox: false, nodeIntegration: true } });
    expect(child).toEqual({ width: 300, frame: false, webPreferences: main.webPreferences });
  });
});

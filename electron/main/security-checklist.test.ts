// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), item by item,
// each asserted against the code that implements it. Items the app has no use for are asserted absent.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_ENTRY_URL, isAppUrl } from './app-origin';
import { APP_SCHEME_PRIVILEGES, createAppRequestHandler, resolveInside } from './app-protocol';
import { buildContentSecurityPolicy } from './content-security-policy';
import { pinWindowOptions } from './desk/pin-window';
import { registerIpcHandlers, type IpcHandlers, type IpcInvokeEvent } from './ipc-router';
import { guardSession, guardWebContents, type GuardableContents, type GuardableSession } from './web-contents-guard';
import { buildWindowOptions } from './window-options';

const screen = { getAllDisplays: () => [], getPrimaryDisplay: () => ({ bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }) };
const windows = (['wall', 'desk'] as const).map((mode) => buildWindowOptions({ mode, display: null, preloadPath: '/app/preload.cjs', screen, warn: () => {} }));
const prefs = windows.map((w) => w.webPreferences!);

/** Every non-test source file of the shell (main and preload). */
function shellSources(dir = 'electron'): Array<{ file: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return shellSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [{ file: path, text: readFileSync(path, 'utf8') }] : [];
  });
}
const sourcesMatching = (pattern: RegExp) => shellSources().filter((s) => pattern.test(s.text)).map((s) => s.file);

function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardableContents = {
    setWindowOpenHandler: (handler) => void (openHandler = handler),
    on: ((event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener)) as GuardableContents['on'],
  };
  guardWebContents(contents, () => {});
  const fire = (event: string, ...args: unknown[]) => listeners.get(event)!(...args);
  return { fire, open: (url: string) => openHandler!({ url }) };
}
const prevented = (url = '') => {
  const event = { url, defaulted: false, preventDefault: () => void (event.defaulted = true) };
  return event;
};

describe('Electron security checklist', () => {
  it('1. only secure content: the page comes from app://queueboard, its CSP lets it talk to itself and the gateway only', () => {
    expect(APP_ENTRY_URL).toBe('app://queueboard/index.html');
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
    expect(buildContentSecurityPolicy('https://gw.example:4310')).toMatch(/connect-src 'self' https:\/\/gw\.example:4310 wss:\/\/gw\.example:4310;/);
    expect(sourcesMatching(/loadURL\(\s*['"`]https?:/)).toEqual([]);
  });

  it('2–4. no Node integration anywhere, context isolation and the sandbox on, for the wall, desk and pin windows', () => {
    const pin = pinWindowOptions({ x: 0, y: 0, width: 300, height: 200 }, prefs[1]).webPreferences!;
    for (const p of [...prefs, pin]) {
      expect(p).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, contextIsolation: true, sandbox: true });
    }
  });

  it('5. every permission request and check is refused (a wallboard needs none)', () => {
    const granted: boolean[] = [];
    let check: ((c: unknown, p: string, o: string) => boolean) | null = null;
    const session: GuardableSession = {
      setPermissionRequestHandler: (handler) => handler(null, 'media', (ok) => granted.push(ok), { requestingUrl: 'app://queueboard/' }),
      setPermissionCheckHandler: (handler) => void (check = handler),
    };
    guardSession(session, () => {});
    expect(granted).toEqual([false]);
    for (const permission of ['notifications', 'geolocation', 'clipboard-read', 'openExternal']) expect(check!(null, permission, 'app://queueboard')).toBe(false);
  });

  it('6, 8–10. webSecurity on, no insecure content, no experimental or Blink features', () => {
    for (const p of prefs) {
      expect(p.webSecurity).toBe(true);
      expect(p.allowRunningInsecureContent).toBe(false);
      expect(p).not.toHaveProperty('experimentalFeatures');
      expect(p).not.toHaveProperty('enableBlinkFeatures');
    }
    expect(sourcesMatching(/experimentalFeatures|enableBlinkFeatures|webSecurity:\s*false|allowRunningInsecureContent:\s*true/)).toEqual([]);
  });

  it('7. a Content-Security-Policy on every response of the app protocol, with no inline script', async () => {
    const handler = createAppRequestHandler({ rendererDir: '/app/renderer', gatewayUrl: 'http://127.0.0.1:4310', readFile: async () => new Uint8Array(new ArrayBuffer(1)), logError: () => {} });
    for (const url of ['app://queueboard/index.html', 'app://queueboard/../../etc/passwd', 'app://evil/index.html']) {
      const csp = (await handler({ url, method: 'GET' })).headers.get('content-security-policy')!;
      expect(csp).toMatch(/default-src 'none'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/object-src 'none'/);
    }
  });

  it('11–12. no <webview>: the tag is off and any attach is prevented', () => {
    for (const p of prefs) expect(p.webviewTag).toBe(false);
    const { fire } = fakeContents();
    const attach = prevented();
    fire('will-attach-webview', attach, {}, { src: 'https://evil.example' });
    expect(attach.defaulted).toBe(true);
  });

  it('13–14. navigation and redirects leave app://queueboard never; every new window is denied', () => {
    const { fire, open } = fakeContents();
    for (const [event, url, blocked] of [
      ['will-navigate', 'https://evil.example/', true],
      ['will-navigate', 'file:///etc/passwd', true],
      ['will-redirect', 'app://queueboard.evil/', true],
      ['will-navigate', 'app://user:pw@queueboard/', true],
      ['will-navigate', 'app://queueboard/index.html#desk', false],
    ] as const) {
      const navigation = prevented(url);
      fire(event, navigation);
      expect(navigation.defaulted, `${event} ${url}`).toBe(blocked);
    }
    expect(open('https://example.com')).toEqual({ action: 'deny' });
    expect(open('app://queueboard/index.html')).toEqual({ action: 'deny' });
  });

  it('15. shell.openExternal is not used at all: the app opens no external links', () => {
    expect(sourcesMatching(/\b(openExternal|openPath|showItemInFolder)\b/)).toEqual([]);
    expect(sourcesMatching(/import\s*\{[^}]*\bshell\b[^}]*\}\s*from\s*'electron'/)).toEqual([]);
  });

  it('16. a supported Electron (the latest three majors are supported; 45 is current)', () => {
    const { devDependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
    expect(Number(/\d+/.exec(devDependencies['electron']!)![0])).toBeGreaterThanOrEqual(45);
  });

  it('17. IPC: a call from any frame but our own page is refused before its handler runs', async () => {
    const registered = new Map<string, (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
    let ran = 0;
    const handlers = new Proxy({} as IpcHandlers, { get: () => () => void ran++, ownKeys: () => ['queueboard:get-launch-options'], getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }) });
    registerIpcHandlers({ handle: (channel, listener) => void registered.set(channel, listener) }, handlers, () => {});
    const call = registered.get('queueboard:get-launch-options')!;
    for (const frame of [{ url: 'https://evil.example/' }, { url: 'file:///tmp/x.html' }, { url: 'app://queueboard.evil/' }, null]) {
      await expect(call({ senderFrame: frame })).rejects.toThrow(/refused a call from/);
    }
    expect(ran).toBe(0);
    expect(isAppUrl('app://queueboard/index.html')).toBe(true);
  });

  it('18. no file:// — a custom protocol that serves only the renderer folder, never a path outside it', () => {
    expect(sourcesMatching(/['"`]file:\/\//)).toEqual([]);
    expect(resolveInside('/app/renderer', '/../../etc/passwd')).toBeNull();
    expect(resolveInside('/app/renderer', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveInside('/app/renderer', '/assets/app.js')).toBe('/app/renderer/assets/app.js');
  });

  it('19. fuses flipped in the package (electron-builder.yml; also checked by tests/tooling)', () => {
    const fuses = (parse(readFileSync('electron-builder.yml', 'utf8')) as { electronFuses: Record<string, boolean> }).electronFuses;
    expect(fuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true });
  });

  it('20. no Electron API reaches the page: preload exposes one object of functions, never ipcRenderer', () => {
    const preload = readFileSync('electron/preload/index.ts', 'utf8');
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*,\s*ipcRenderer\s*\)/);
    expect(sourcesMatching(/\bremote\b.*require|@electron\/remote|enableRemoteModule/)).toEqual([]);
  });
});

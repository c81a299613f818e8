import { describe, expect, it } from 'vitest';
import { resolveScreenOptions, TOKEN_STORAGE_KEY } from './launch-options';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const browserWindow = (href: string, extra: Record<string, unknown> = {}) => {
  const url = new URL(href);
  const replaced: string[] = [];
  const win = {
    location: { origin: url.origin, search: url.search, hash: url.hash, pathname: url.pathname },
    localStorage: new MemoryStorage(),
    history: { replaceState: (_s: unknown, _t: string, to: string) => replaced.push(to) },
    ...extra,
  };
  return Object.assign(win as unknown as Window, { replaced, storage: win.localStorage });
};

describe('resolveScreenOptions', () => {
  it('in a browser, talks to the origin it was served from and reads the office and view from the address', async () => {
    expect(await resolveScreenOptions(browserWindow('http://wall-01:4310/?office=lisbon'))).toEqual({
      gatewayUrl: 'http://wall-01:4310',
      gatewayUrls: ['http://wall-01:4310'],
      officeId: 'lisbon',
      groupId: null,
      client: 'web',
      view: 'wall',
      token: null,
      appLanguage: null,
    });
    expect((await resolveScreenOptions(browserWindow('http://wall-01:4310/'))).officeId).toBeNull();
    expect((await resolveScreenOptions(browserWindow('http://wall-01:4310/?view=settings'))).view).toBe('settings');
    expect((await resolveScreenOptions(browserWindow('http://wall-01:4310/?view=admin'))).view).toBe('wall');
  });

  it('in a browser, takes the other gateways of a cluster from ?gateways=, its own first', async () => {
    const options = await resolveScreenOptions(browserWindow('http://gw-a:4310/?gateways=http://gw-b:4310,http://gw-c:4310'));
    expect(options.gatewayUrl).toBe('http://gw-a:4310');
    expect(options.gatewayUrls).toEqual(['http://gw-a:4310', 'http://gw-b:4310', 'http://gw-c:4310']);
  });

  it('reads a queue group, and ignores an office or group that is not a valid id', async () => {
    expect((await resolveScreenOptions(browserWindow('http://x/?group=partners&office=lisbon'))).groupId).toBe('partners');
    expect((await resolveScreenOptions(browserWindow('http://x/?office=<script>'))).officeId).toBeNull();
    expect((await resolveScreenOptions(browserWindow('http://x/?group=Partners%20all'))).groupId).toBeNull();
  });

  it('takes a token from a #token link once, remembers it and wipes it from the address', async () => {
    const win = browserWindow('http://x/?view=desk#token=lead-123');
    expect((await resolveScreenOptions(win)).token).toBe('lead-123');
    expect(win.storage.getItem(TOKEN_STORAGE_KEY)).toBe('lead-123');
    expect(win.replaced).toEqual(['/?view=desk']);
    const later = browserWindow('http://x/?view=desk');
    later.storage.setItem(TOKEN_STORAGE_KEY, 'lead-123');
    expect((await resolveScreenOptions(later)).token).toBe('lead-123');
  });

  it('inside Electron, takes the gateway, office and mode from the preload bridge', async () => {
    const bridge = {
      getLaunchOptions: async () => ({ gatewayUrl: 'http://10.0.0.5:4310', mode: 'wall', officeId: 'amsterdam', groupId: 'social', display: 1 }),
      getSettings: async () => ({ settings: { token: 'wall-token-1' } }),
    };
    expect(await resolveScreenOptions(browserWindow('app://queueboard/index.html', { queueboard: bridge }))).toEqual({
      gatewayUrl: 'http://10.0.0.5:4310',
      gatewayUrls: ['http://10.0.0.5:4310'],
      officeId: 'amsterdam',
      groupId: 'social',
      client: 'wall',
      view: 'wall',
      token: 'wall-token-1',
    });
    const pinWindow = browserWindow('app://queueboard/index.html#pins', { queueboard: { ...bridge, getLaunchOptions: async () => ({ gatewayUrl: 'http://g', mode: 'desk', officeId: null, groupId: null, display: null }) } });
    expect((await resolveScreenOptions(pinWindow)).view).toBe('pins');
  });

  it('inside Electron in desk mode, the pin window (#pins) shows the pins view', async () => {
    const bridge = {
      getLaunchOptions: async () => ({ gatewayUrl: 'http://10.0.0.5:4310', mode: 'desk', officeId: null, groupId: null, display: null }),
      getSettings: async () => ({ settings: { token: '' } }),
    };
    expect((await resolveScreenOptions(browserWindow('app://queueboard/index.html#pins', { queueboard: bridge }))).view).toBe('pins');
    expect((await resolveScreenOptions(browserWindow('app://queueboard/index.html', { queueboard: bridge }))).view).toBe('desk');
  });

  it("inside Electron, hands on the app's language setting for the desk to start in", async () => {
    const bridge = {
      getLaunchOptions: async () => ({ gatewayUrl: 'http://g', mode: 'desk', officeId: null, groupId: null, display: null }),
      getSettings: async () => ({ settings: { token: '', language: 'nl-NL' } }),
    };
    expect((await resolveScreenOptions(browserWindow('app://queueboard/index.html', { queueboard: bridge }))).appLanguage).toBe('nl-NL');
  });
});

import { SlugSchema } from '../../../shared/model';
import { gatewayAddresses } from '../feed/gateway-addresses';
import { BRIDGE_KEY, type LaunchOptions, type QueueboardBridge } from '../../../shared/ipc/ipc-contract';

export const VIEWS = ['wall', 'desk', 'settings', 'pins'] as const;
export type View = (typeof VIEWS)[number];

export interface ScreenOptions {
  gatewayUrl: string;
  /** Every gateway this screen may reconnect to, `gatewayUrl` first (a cluster without a load balancer: `?gateways=`). */
  gatewayUrls: string[];
  officeId: string | null;
  /** The queue group a wall shows alone; null for every queue. */
  groupId: string | null;
  /** How this screen introduces itself to the gateway. */
  client: 'wall' | 'desk' | 'settings' | 'web';
  /** What this window shows: the wall, a lead's desk, the managers' settings, or the pinned items. */
  view: View;
  /** The role token this screen presents; null for none (a display, where the gateway allows that). */
  token: string | null;
  /** The app's `language` setting (e.g. pt-PT) for a person's own screens; null in a browser or when unset. */
  appLanguage: string | null;
}

/** Where a browser keeps its token: entered once (or opened from a link with #token=…), then remembered. */
export const TOKEN_STORAGE_KEY = 'queueboard.token';

/**
 * Inside Electron the preload bridge says which gateway and office to show; in a plain browser the page
 * came from the gateway itself, and the office is in the address (`?office=lisbon`).
 */
export async function resolveScreenOptions(win: Window): Promise<ScreenOptions> {
  const bridge = (win as unknown as Record<string, QueueboardBridge | undefined>)[BRIDGE_KEY];
  if (bridge) {
    const options: LaunchOptions = await bridge.getLaunchOptions();
    // The app's settings hold the screen's token (sealed with the OS keyring where there is one).
    const { token, language } = (await bridge.getSettings()).settings;
    // The app's pin window loads the same page at #pins (desk mode only).
    const view: View = options.mode === 'desk' && win.location.hash === '#pins' ? 'pins' : options.mode;
    return { gatewayUrl: options.gatewayUrl, gatewayUrls: [options.gatewayUrl], officeId: options.officeId, groupId: options.groupId, client: options.mode, view, token: token === '' ? null : token, appLanguage: language };
  }
  const params = new URLSearchParams(win.location.search);
  const view = params.get('view');
  return {
    gatewayUrl: win.location.origin,
    gatewayUrls: gatewayAddresses(win.location.origin, win.location.search),
    officeId: slugParam(params, 'office'),
    groupId: slugParam(params, 'group'),
    client: 'web',
    view: VIEWS.includes(view as View) ? (view as View) : 'wall',
    token: takeToken(win),
    appLanguage: null,
  };
}

/**
 * A token in the address (`#token=…`) is moved into local storage and wiped from the address bar, so it
 * does not linger in the history or get shared with a screenshot; otherwise the remembered one is used.
 */
function takeToken(win: Window): string | null {
  const fromHash = new URLSearchParams(win.location.hash.replace(/^#/, '')).get('token');
  try {
    if (fromHash) {
      win.localStorage.setItem(TOKEN_STORAGE_KEY, fromHash);
      win.history.replaceState(null, '', win.location.pathname + win.location.search);
      return fromHash;
    }
    return win.localStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return fromHash;
  }
}

/** An id from the address, or null when absent or not a valid id (it ends up in text and selectors). */
function slugParam(params: URLSearchParams, name: string): string | null {
  const value = params.get(name);
  return value !== null && SlugSchema.safeParse(value).success ? value : null;
}

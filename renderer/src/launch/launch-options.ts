import { BRIDGE_KEY, type LaunchOptions, type QueueboardBridge } from '../../../shared/ipc/ipc-contract';

export interface ScreenOptions {
  gatewayUrl: string;
  officeId: string | null;
  /** How this screen introduces itself to the gateway. */
  client: 'wall' | 'web';
}

/**
 * Inside Electron the preload bridge says which gateway and office to show; in a plain browser the page
 * came from the gateway itself, and the office is in the address (`?office=lisbon`).
 */
export async function resolveScreenOptions(win: Window): Promise<ScreenOptions> {
  const bridge = (win as unknown as Record<string, QueueboardBridge | undefined>)[BRIDGE_KEY];
  if (bridge) {
    const options: LaunchOptions = await bridge.getLaunchOptions();
    return { gatewayUrl: options.gatewayUrl, officeId: options.officeId, client: 'wall' };
  }
  const office = new URLSearchParams(win.location.search).get('office');
  return { gatewayUrl: win.location.origin, officeId: office && /^[a-z0-9][a-z0-9-]{0,62}$/.test(office) ? office : null, client: 'web' };
}

import type { DeskBridge } from '../../../shared/ipc/desk-contract';
import { BRIDGE_KEY } from '../../../shared/ipc/ipc-names';

/**
 * Desk mode's verbs on `window.queueboard`, typed by the shared contract (shared/ipc/desk-contract.ts).
 * Every verb is optional here: each seam uses a verb only when the bridge has it, and in a browser there
 * is no bridge at all, so every seam falls back to a browser implementation.
 */
export type DeskBridgeSeam = Partial<DeskBridge>;

/** The bridge object if this page runs inside the app, else null (a plain browser). */
export function findDeskBridge(win: Window): DeskBridgeSeam | null {
  const candidate = (win as unknown as Record<string, unknown>)[BRIDGE_KEY];
  return candidate !== null && typeof candidate === 'object' ? (candidate as DeskBridgeSeam) : null;
}

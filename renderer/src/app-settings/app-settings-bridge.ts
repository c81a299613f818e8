import type { QueueboardBridge } from '../../../shared/ipc/ipc-contract';
import { BRIDGE_KEY } from '../../../shared/ipc/ipc-names';

/** The app's local settings as the preload offers them; absent in a browser, which has no such settings. */
export type AppSettingsBridge = Pick<QueueboardBridge, 'getSettings' | 'saveSettings'>;

export function findAppSettingsBridge(win: Window): AppSettingsBridge | null {
  const bridge = (win as unknown as Record<string, Partial<QueueboardBridge> | undefined>)[BRIDGE_KEY];
  if (!bridge || typeof bridge.getSettings !== 'function' || typeof bridge.saveSettings !== 'function') return null;
  return { getSettings: bridge.getSettings.bind(bridge), saveSettings: bridge.saveSettings.bind(bridge) };
}

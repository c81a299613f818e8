import type { AppSettingsPatch, IpcChannel, IpcRequest, IpcResponse, QueueboardBridge } from '../../shared/ipc/ipc-contract';
import { createDeskBridge, type Subscribe } from './desk-bridge';

/**
 * Sends one request to main and resolves with its answer. Main validates the response against the
 * channel's schema before sending it (electron/main/ipc-router.ts), so the preload does not again.
 */
export type Invoke = <C extends IpcChannel>(channel: C, request: IpcRequest<C>) => Promise<IpcResponse<C>>;

/** The one object the page sees as window.queueboard: a function per verb, never a raw channel. */
export function createBridge(invoke: Invoke, subscribe: Subscribe): QueueboardBridge {
  return Object.freeze({
    getLaunchOptions: () => invoke('queueboard:get-launch-options', undefined),
    // App settings
    getSettings: () => invoke('queueboard:get-settings', undefined),
    saveSettings: (patch: AppSettingsPatch) => invoke('queueboard:save-settings', patch),
    // Desk mode (issue 7)
    ...createDeskBridge(invoke, subscribe),
  });
}

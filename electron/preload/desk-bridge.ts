import type { DeskBridge } from '../../shared/ipc/desk-contract';
import type { IpcEvent, IpcEventPayload } from '../../shared/ipc/ipc-contract';
import type { Invoke } from './bridge';

/** Listens to one main → renderer event; the answer stops listening. */
export type Subscribe = <E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void) => () => void;

/** Desk mode's verbs on window.queueboard (issue 7): one function per verb, no channel names for the page. */
export function createDeskBridge(invoke: Invoke, subscribe: Subscribe): DeskBridge {
  return {
    getPins: () => invoke('queueboard:get-pins', undefined),
    setPinned: (request) => invoke('queueboard:set-pinned', request),
    onPinsChanged: (listener) => subscribe('queueboard:pins-changed', (state) => listener(state)),
    notifyTransitions: (transitions) => invoke('queueboard:notify-transitions', transitions),
    notifyBroadcast: (notice) => invoke('queueboard:notify-broadcast', notice),
    setTrayStatus: (status) => invoke('queueboard:set-tray-status', status),
    showPinWindow: () => invoke('queueboard:set-pin-window', { action: 'show' }),
    hidePinWindow: () => invoke('queueboard:set-pin-window', { action: 'hide' }),
    togglePinWindow: () => invoke('queueboard:set-pin-window', { action: 'toggle' }),
    onPinWindowChanged: (listener) => subscribe('queueboard:pin-window-changed', (state) => listener(state)),
    getNotificationSettings: () => invoke('queueboard:get-notification-settings', undefined),
    setNotificationSettings: (settings) => invoke('queueboard:set-notification-settings', settings),
    onFocusQueue: (listener) => subscribe('queueboard:focus-queue', ({ queueId }) => listener(queueId)),
  };
}

/** The part of ipcRenderer that subscribing needs. */
export interface EventSource {
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Subscriptions over ipcRenderer. The page's listener gets the payload only: the IPC event object
 * carries `sender`, which is ipcRenderer itself, and must never reach the page.
 */
export function createSubscribe(ipc: EventSource): Subscribe {
  return (channel, listener) => {
    const forward = (_event: unknown, payload: unknown) => listener(payload as never);
    ipc.on(channel, forward);
    return () => {
      ipc.removeListener(channel, forward);
    };
  };
}

import { IPC_EVENTS, type IpcEvent, type IpcEventPayload } from '../../../shared/ipc/ipc-contract';
import { parseWith } from '../../../shared/protocol/validation';
import { isAppUrl } from '../app-origin';

/** The part of a BrowserWindow sending an event needs; the real one fits, tests pass a fake. */
export interface EventTarget {
  isDestroyed(): boolean;
  webContents: { getURL(): string; send(channel: string, payload: unknown): void };
}

export type SendEvent = <E extends IpcEvent>(targets: readonly EventTarget[], event: E, payload: IpcEventPayload<E>) => void;

/**
 * The one place main pushes events to pages. The payload is checked against the contract (a bug in
 * main must not reach the page as data the page trusts), and only our own pages receive it.
 */
export function createEventSender(logError: (message: string) => void): SendEvent {
  return (targets, event, payload) => {
    const parsed = parseWith(IPC_EVENTS[event], payload);
    if (!parsed.ok) {
      logError(`${event}: main refused to send an invalid payload: ${parsed.issues.join('; ')}`);
      return;
    }
    for (const target of targets) {
      if (target.isDestroyed() || !isAppUrl(target.webContents.getURL())) continue;
      target.webContents.send(event, parsed.value);
    }
  };
}

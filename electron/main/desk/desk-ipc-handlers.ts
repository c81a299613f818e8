import type {
  BroadcastNotice,
  DESK_IPC_CHANNELS,
  NotificationSettings,
  PinsState,
  PinWindowState,
  SetPinnedRequest,
  Transition,
  TrayStatus,
} from '../../../shared/ipc/desk-contract';
import type { IpcHandlers } from '../ipc-router';

export type DeskChannel = keyof typeof DESK_IPC_CHANNELS;
export type DeskIpcHandlers = Pick<IpcHandlers, DeskChannel>;

/** What the desk channels call; each part is a desk service (or a fake in tests). */
export interface DeskIpcServices {
  pins: { get(): PinsState; setPinned(request: SetPinnedRequest): Promise<PinsState> };
  notifier: { notify(transitions: readonly Transition[]): void; notifyBroadcast(notice: BroadcastNotice): void };
  tray: { setStatus(status: TrayStatus): void };
  pinWindow: { apply(action: 'show' | 'hide' | 'toggle'): PinWindowState };
  settings: { get(): NotificationSettings; set(settings: NotificationSettings): Promise<NotificationSettings> };
}

/**
 * Desk mode's IPC handlers. In wall mode (services null) every desk channel refuses with a message
 * saying why, rather than being missing: a missing handler would leave the page waiting for nothing.
 */
export function createDeskIpcHandlers(desk: DeskIpcServices | null): DeskIpcHandlers {
  if (desk === null) {
    const refuse = () => {
      throw new Error('only available in desk mode; this app was started with --mode=wall.');
    };
    return {
      'queueboard:get-pins': refuse,
      'queueboard:set-pinned': refuse,
      'queueboard:notify-transitions': refuse,
      'queueboard:notify-broadcast': refuse,
      'queueboard:set-tray-status': refuse,
      'queueboard:set-pin-window': refuse,
      'queueboard:get-notification-settings': refuse,
      'queueboard:set-notification-settings': refuse,
    };
  }
  return {
    'queueboard:get-pins': () => desk.pins.get(),
    'queueboard:set-pinned': (request) => desk.pins.setPinned(request),
    'queueboard:notify-transitions': (transitions) => desk.notifier.notify(transitions),
    'queueboard:notify-broadcast': (notice) => desk.notifier.notifyBroadcast(notice),
    'queueboard:set-tray-status': (status) => desk.tray.setStatus(status),
    'queueboard:set-pin-window': ({ action }) => desk.pinWindow.apply(action),
    'queueboard:get-notification-settings': () => desk.settings.get(),
    'queueboard:set-notification-settings': (settings) => desk.settings.set(settings),
  };
}

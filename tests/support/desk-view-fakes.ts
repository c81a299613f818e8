import type { Alert } from '../../shared/protocol/protocol';
import type { CommandResult } from '../../shared/protocol/protocol';
import type { BroadcastNotice, Transition, TrayStatus } from '../../shared/ipc/desk-contract';
import type { DeskServices } from '../../renderer/src/desk/desk-services';
import { createLocalSettingsStore } from '../../renderer/src/desk/notification-settings';
import { createLocalPinStore } from '../../renderer/src/desk/pin-store';
import type { GatewayCommands } from '../../renderer/src/feed/gateway-commands';

export function alert(id: string, overrides: Partial<Alert> = {}): Alert {
  return {
    id,
    queueId: 'lis-chat',
    kind: 'threshold',
    metric: 'oldestWaitingSeconds',
    level: 'warning',
    value: 720,
    threshold: 600,
    projectedMinutes: null,
    openedAt: 1_700_000_000_000 - 5 * 60_000,
    resolvedAt: null,
    resolution: null,
    acknowledged: null,
    snoozed: null,
    ...overrides,
  };
}

/** Desk services over jsdom's localStorage, with a notifier and tray that record what they were given. */
export function fakeDeskServices() {
  const notified: Transition[][] = [];
  const broadcasts: BroadcastNotice[] = [];
  const tray: TrayStatus[] = [];
  const focusListeners = new Set<(queueId: string) => void>();
  const services: DeskServices = {
    pins: createLocalPinStore(window),
    settings: createLocalSettingsStore(window.localStorage),
    notifier: { notify: (transitions) => void notified.push([...transitions]) },
    notifyBroadcast: (notice) => void broadcasts.push(notice),
    permission: null,
    setTrayStatus: (status) => void tray.push(status),
    togglePinWindow: null,
    onFocusQueue: (listener) => {
      focusListeners.add(listener);
      return () => void focusListeners.delete(listener);
    },
    problems: { get: () => null, subscribe: () => () => undefined },
  };
  return { services, notified, broadcasts, tray, focus: (queueId: string) => focusListeners.forEach((l) => l(queueId)) };
}

/** Commands that record what was sent and answer as told. */
export function fakeCommands(answer: (event: string, payload: unknown) => CommandResult = () => ({ ok: true })) {
  const sent: Array<{ event: string; payload: unknown }> = [];
  const reply = async (event: string, payload: unknown) => {
    sent.push({ event, payload });
    return answer(event, payload);
  };
  const commands = {
    acknowledge: (alertId: string, note?: string) => reply('alert:acknowledge', note ? { alertId, note } : { alertId }),
    snooze: (alertId: string, until: number) => reply('alert:snooze', { alertId, until }),
  } as unknown as GatewayCommands;
  return { commands, sent };
}

import type { QueueStatus } from '../../../shared/health/thresholds';
import { BRIDGE_KEY } from '../../../shared/ipc/ipc-names';

/**
 * Desk mode's verbs on `window.queueboard` (issue 7). The Electron side is built on another branch; until
 * it is merged these are typed here, every verb optional, and each is used only when the bridge has it.
 * In a browser there is no bridge at all and every seam falls back to a browser implementation.
 */
export type PinKind = 'queue' | 'alert';
export interface Pin {
  kind: PinKind;
  id: string;
}
export interface PinsState {
  pins: Pin[];
  /** Set when the saved pins could not be read or kept: a sentence for the lead. */
  notice: string | null;
}

/** A health transition handed to the notifier: an alert that opened at critical, or at risk. */
export interface Transition {
  alertId: string;
  queueId: string;
  queueName: string;
  officeName: string;
  kind: 'threshold' | 'at-risk';
  level: 'warning' | 'critical';
  metricLabel: string;
  valueText: string;
  projectedMinutes: number | null;
  /** When the alert opened, gateway clock, epoch ms. */
  at: number;
}

export interface TrayStatus {
  worst: QueueStatus;
  counts: Record<QueueStatus, number>;
}

export interface QuietHours {
  enabled: boolean;
  /** Local time of day, HH:MM; an end before the start crosses midnight. */
  start: string;
  end: string;
  /** `silent`: show without sound; `suppress`: show nothing. */
  mode: 'silent' | 'suppress';
}
export interface NotificationSettings {
  /** Notify for pinned queues only, or for every queue. */
  scope: 'pinned' | 'all';
  quietHours: QuietHours;
}
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  scope: 'pinned',
  quietHours: { enabled: false, start: '22:00', end: '07:00', mode: 'silent' },
};

type Unsubscribe = () => void;

export interface DeskBridgeSeam {
  getPins?: () => Promise<PinsState>;
  setPinned?: (request: Pin & { pinned: boolean }) => Promise<PinsState>;
  onPinsChanged?: (listener: (state: PinsState) => void) => Unsubscribe;
  notifyTransitions?: (transitions: Transition[]) => Promise<void>;
  setTrayStatus?: (status: TrayStatus) => Promise<void>;
  getNotificationSettings?: () => Promise<NotificationSettings>;
  setNotificationSettings?: (settings: NotificationSettings) => Promise<NotificationSettings>;
  onFocusQueue?: (listener: (queueId: string) => void) => Unsubscribe;
  togglePinWindow?: () => Promise<{ visible: boolean }>;
}

/** The bridge object if this page runs inside the app, else null (a plain browser). */
export function findDeskBridge(win: Window): DeskBridgeSeam | null {
  const candidate = (win as unknown as Record<string, unknown>)[BRIDGE_KEY];
  return candidate !== null && typeof candidate === 'object' ? (candidate as DeskBridgeSeam) : null;
}

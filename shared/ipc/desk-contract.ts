import { z } from 'zod';
import { SlugSchema } from '../model';
import { BROADCAST_SEVERITIES, BroadcastTextSchema } from '../protocol/broadcast-protocol';
import { INCIDENT_TITLE_MAX } from '../protocol/incident-protocol';
import { hhMmSchema } from '../time/hh-mm';

/**
 * Desk mode (issue 7): the IPC for pins, the pin window, notifications and the tray. The renderer's
 * desk view holds the socket and knows queues and alerts; it tells main what to show over these
 * channels, and main pushes pin changes and notification clicks back. Merged into IPC_CHANNELS and
 * IPC_EVENTS by ipc-contract.ts.
 */

export const PIN_KINDS = ['queue', 'alert'] as const;
/** Alert ids come from the gateway's store; they are opaque to main but bounded. */
export const AlertIdSchema = z.string().min(1).max(128);
export const QueueIdSchema = SlugSchema;
export const MAX_PINS = 200;

export const PinSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queue'), id: QueueIdSchema }),
  z.object({ kind: z.literal('alert'), id: AlertIdSchema }),
]);
export type Pin = z.infer<typeof PinSchema>;

export const PinsStateSchema = z.object({
  pins: z.array(PinSchema).max(MAX_PINS),
  /** Set when the saved pins could not be read: says what happened and where the old file went. */
  notice: z.string().nullable(),
});
export type PinsState = z.infer<typeof PinsStateSchema>;

export const SetPinnedRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queue'), id: QueueIdSchema, pinned: z.boolean() }),
  z.object({ kind: z.literal('alert'), id: AlertIdSchema, pinned: z.boolean() }),
]);
export type SetPinnedRequest = z.infer<typeof SetPinnedRequestSchema>;

export const TransitionSchema = z.object({
  alertId: AlertIdSchema,
  queueId: QueueIdSchema,
  queueName: z.string().min(1).max(80),
  officeName: z.string().min(1).max(80),
  kind: z.enum(['threshold', 'at-risk', 'volume']),
  level: z.enum(['warning', 'critical']),
  metricLabel: z.string().min(1).max(80),
  valueText: z.string().max(40),
  /** For at-risk: minutes until the projected breach; null when there is no projection. */
  projectedMinutes: z.number().nonnegative().max(100_000).nullable(),
  /** When the transition happened, epoch milliseconds. */
  at: z.number().int().nonnegative(),
  /** The open incident the alert belongs to: its alerts notify once, for the incident (shared/desk/incident-notifications.ts). */
  incident: z.object({ id: z.string().min(1).max(100), title: z.string().min(1).max(INCIDENT_TITLE_MAX) }).nullable().optional(),
});
export type Transition = z.infer<typeof TransitionSchema>;
/** A gateway reconnect can replay many alerts at once; more than this in one call is a bug. */
export const TransitionsSchema = z.array(TransitionSchema).max(1000);

export const TRAY_STATUSES = ['ok', 'warning', 'critical', 'stale', 'no-data'] as const;
export const TrayStatusLevelSchema = z.enum(TRAY_STATUSES);
export type TrayStatusLevel = z.infer<typeof TrayStatusLevelSchema>;
const Count = z.number().int().nonnegative().max(100_000);
export const TrayStatusSchema = z.object({
  /** The worst status among pinned queues. */
  worst: TrayStatusLevelSchema,
  counts: z.object({ ok: Count, warning: Count, critical: Count, stale: Count, 'no-data': Count }),
});
export type TrayStatus = z.infer<typeof TrayStatusSchema>;

export const PinWindowRequestSchema = z.object({ action: z.enum(['show', 'hide', 'toggle']) });
export const PinWindowStateSchema = z.object({ visible: z.boolean() });
export type PinWindowState = z.infer<typeof PinWindowStateSchema>;

const TimeOfDaySchema = hhMmSchema('must be a time of day written HH:MM, 00:00 to 23:59');
export const NotificationSettingsSchema = z.object({
  /** Notify for pinned queues only, or for every queue the desk view sees. */
  scope: z.enum(['pinned', 'all']),
  quietHours: z.object({
    enabled: z.boolean(),
    /** Local time; an end before the start crosses midnight (22:00 to 07:00). */
    start: TimeOfDaySchema,
    end: TimeOfDaySchema,
    /** `silent` shows notifications without sound; `suppress` shows none. */
    mode: z.enum(['silent', 'suppress']),
  }),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  scope: 'pinned',
  quietHours: { enabled: false, start: '22:00', end: '07:00', mode: 'silent' },
};

export const FocusQueueSchema = z.object({ queueId: QueueIdSchema });

/** A broadcast that just reached the desk: main shows it once, in the app's language (issue 20). */
export const BroadcastNoticeSchema = z.object({ broadcastId: z.string().min(1).max(64), severity: z.enum(BROADCAST_SEVERITIES), text: BroadcastTextSchema });
export type BroadcastNotice = z.infer<typeof BroadcastNoticeSchema>;

/** Request/response channels of desk mode. */
export const DESK_IPC_CHANNELS = {
  'queueboard:get-pins': { request: z.void(), response: PinsStateSchema },
  'queueboard:set-pinned': { request: SetPinnedRequestSchema, response: PinsStateSchema },
  'queueboard:notify-transitions': { request: TransitionsSchema, response: z.void() },
  'queueboard:notify-broadcast': { request: BroadcastNoticeSchema, response: z.void() },
  'queueboard:set-tray-status': { request: TrayStatusSchema, response: z.void() },
  'queueboard:set-pin-window': { request: PinWindowRequestSchema, response: PinWindowStateSchema },
  'queueboard:get-notification-settings': { request: z.void(), response: NotificationSettingsSchema },
  'queueboard:set-notification-settings': { request: NotificationSettingsSchema, response: NotificationSettingsSchema },
} as const;

/** Main → renderer events of desk mode: name → payload schema (main checks each before sending). */
export const DESK_IPC_EVENTS = {
  /** To every window, so the desk window and the pin window agree. */
  'queueboard:pins-changed': PinsStateSchema,
  /** To the desk window, after a notification was clicked. */
  'queueboard:focus-queue': FocusQueueSchema,
  'queueboard:pin-window-changed': PinWindowStateSchema,
} as const;

/** Stops a subscription. */
export type Unsubscribe = () => void;

/** Desk mode's part of `window.queueboard`. */
export interface DeskBridge {
  readonly getPins: () => Promise<PinsState>;
  readonly setPinned: (request: SetPinnedRequest) => Promise<PinsState>;
  readonly onPinsChanged: (listener: (state: PinsState) => void) => Unsubscribe;
  readonly notifyTransitions: (transitions: Transition[]) => Promise<void>;
  readonly notifyBroadcast: (notice: BroadcastNotice) => Promise<void>;
  readonly setTrayStatus: (status: TrayStatus) => Promise<void>;
  readonly showPinWindow: () => Promise<PinWindowState>;
  readonly hidePinWindow: () => Promise<PinWindowState>;
  readonly togglePinWindow: () => Promise<PinWindowState>;
  readonly onPinWindowChanged: (listener: (state: PinWindowState) => void) => Unsubscribe;
  readonly getNotificationSettings: () => Promise<NotificationSettings>;
  readonly setNotificationSettings: (settings: NotificationSettings) => Promise<NotificationSettings>;
  readonly onFocusQueue: (listener: (queueId: string) => void) => Unsubscribe;
}

import { z } from 'zod';
import { SlugSchema } from '../model';
import { DESK_IPC_CHANNELS, DESK_IPC_EVENTS, type DeskBridge } from './desk-contract';

/**
 * The IPC between Electron main and the renderer, defined once. Every channel carries the
 * `queueboard:` prefix; main refuses any other channel and any sender that is not our own page.
 */
export { BRIDGE_KEY, IPC_PREFIX } from './ipc-names';

export const APP_MODES = ['wall', 'desk'] as const;
export const AppModeSchema = z.enum(APP_MODES);
export type AppMode = z.infer<typeof AppModeSchema>;

export const LaunchOptionsSchema = z.object({
  /** Base URL of the gateway, e.g. http://127.0.0.1:4310 */
  gatewayUrl: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
  mode: AppModeSchema,
  /** Office shown on the wall; null shows every office. */
  officeId: SlugSchema.nullable(),
  /** Index of the display the wall runs on (0 = primary); null lets the OS choose. */
  display: z.number().int().min(0).max(15).nullable(),
});
export type LaunchOptions = z.infer<typeof LaunchOptionsSchema>;

/** Request/response channels: name → request payload schema and response schema. */
export const IPC_CHANNELS = {
  'queueboard:get-launch-options': { request: z.void(), response: LaunchOptionsSchema },
  // Desk mode (issue 7): pins, pin window, notifications, tray; defined in desk-contract.ts.
  ...DESK_IPC_CHANNELS,
} as const;

export type IpcChannel = keyof typeof IPC_CHANNELS;
export type IpcRequest<C extends IpcChannel> = z.infer<(typeof IPC_CHANNELS)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<(typeof IPC_CHANNELS)[C]['response']>;

// ── Main → renderer events (desk mode, issue 7) ──
/** Events main pushes to pages: name → payload schema. Main validates each payload before sending. */
export const IPC_EVENTS = {
  ...DESK_IPC_EVENTS,
} as const;

export type IpcEvent = keyof typeof IPC_EVENTS;
export type IpcEventPayload<E extends IpcEvent> = z.infer<(typeof IPC_EVENTS)[E]>;

/** The one object the preload exposes as `window.queueboard`. */
export interface QueueboardBridge extends DeskBridge {
  readonly getLaunchOptions: () => Promise<LaunchOptions>;
}

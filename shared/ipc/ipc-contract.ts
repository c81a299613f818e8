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
  /** Queue group shown on the wall (the gateway's configured groups); null shows every queue. */
  groupId: SlugSchema.nullable(),
  /** Index of the display the wall runs on (0 = primary); null lets the OS choose. */
  display: z.number().int().min(0).max(15).nullable(),
});
export type LaunchOptions = z.infer<typeof LaunchOptionsSchema>;

// ── App settings (issue 5): kept by main in userData/settings.json, edited in the settings pane ──

/**
 * A BCP 47 tag that Intl accepts, so the renderer can hand it straight to Intl formatters. BCP 47 also
 * allows 5–8 letter language subtags ("english" parses); real languages have 2 or 3 letters.
 */
function isLanguageTag(tag: string): boolean {
  if (!/^[a-z]{2,3}(-|$)/i.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

export const AppSettingsSchema = LaunchOptionsSchema.extend({
  /** Long-lived display token the gateway knows this screen by; '' when none is set. */
  token: z.string().max(4096).regex(/^[\x21-\x7e]*$/, 'must be printable ASCII without spaces'),
  /** Interface language, e.g. pt-PT; null follows the office's locale. */
  language: z.string().refine(isLanguageTag, 'must be a language tag such as en, pt-PT or nl').nullable(),
  /** Start the app when the user logs in; null means on in wall mode and off in desk mode. */
  startAtLogin: z.boolean().nullable(),
  /** Lets the token travel over plain http:// to a gateway off this machine (issue 15); off by default. */
  allowInsecure: z.boolean(),
}).strict();
export type AppSettings = z.infer<typeof AppSettingsSchema>;
export type AppSettingName = keyof AppSettings;

/** What saveSettings accepts: any subset of the settings; omitted ones keep their value. */
export const AppSettingsPatchSchema = AppSettingsSchema.partial();
export type AppSettingsPatch = z.infer<typeof AppSettingsPatchSchema>;

export const SettingsStateSchema = z.object({
  /** As stored (token decrypted), before command-line flags. */
  settings: AppSettingsSchema,
  /** The settings this run takes from command-line flags instead, with the value in use. */
  commandLine: LaunchOptionsSchema.partial(),
  /** Problems a person should see, e.g. an unreadable settings.json; empty when all is well. */
  notices: z.array(z.string()),
  /** False where the OS offers no keyring: the token is then stored in clear in settings.json. */
  tokenEncrypted: z.boolean(),
});
export type SettingsState = z.infer<typeof SettingsStateSchema>;

export const SaveSettingsResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), state: SettingsStateSchema }),
  /** Nothing was saved; each issue names its field, e.g. "gatewayUrl: must be an http:// or https:// URL". */
  z.object({ ok: z.literal(false), issues: z.array(z.string()).min(1) }),
]);
export type SaveSettingsResult = z.infer<typeof SaveSettingsResultSchema>;

/** Request/response channels: name → request payload schema and response schema. */
export const IPC_CHANNELS = {
  'queueboard:get-launch-options': { request: z.void(), response: LaunchOptionsSchema },
  // App settings: the request is any object here; main validates each field and answers with issues.
  'queueboard:get-settings': { request: z.void(), response: SettingsStateSchema },
  'queueboard:save-settings': { request: z.record(z.string(), z.unknown()), response: SaveSettingsResultSchema },
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
  // App settings
  readonly getSettings: () => Promise<SettingsState>;
  readonly saveSettings: (patch: AppSettingsPatch) => Promise<SaveSettingsResult>;
}

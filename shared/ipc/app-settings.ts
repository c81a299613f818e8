import { z } from 'zod';
import { AppSettingsSchema, type AppSettingName, type AppSettings, type LaunchOptions } from './ipc-contract';

/**
 * The app's local settings (kept by main in settings.json): their defaults and, in words, what each
 * allows. Main checks every save with these; the renderer's app settings pane checks as one types.
 */
export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:4310';

/** Desk by default: wall mode takes over a screen (kiosk, no cursor, starts at login), so it is asked for. */
export const DEFAULT_SETTINGS: AppSettings = {
  gatewayUrl: DEFAULT_GATEWAY_URL,
  token: '',
  officeId: null,
  groupId: null,
  mode: 'desk',
  display: null,
  language: null,
  startAtLogin: null,
  allowInsecure: false,
};

/** What each setting allows, in words; the shared schema is what enforces it. */
export const SETTING_RULES: Record<AppSettingName, string> = {
  gatewayUrl: `an http:// or https:// URL such as ${DEFAULT_GATEWAY_URL}`,
  token: 'printable ASCII without spaces, at most 4096 characters',
  officeId: 'an office id such as lisbon: lowercase a-z, 0-9 and "-"',
  groupId: 'a queue group id such as partners: lowercase a-z, 0-9 and "-"',
  mode: 'wall or desk',
  display: 'a whole number from 0 (the primary display) to 15',
  language: 'a language tag such as en, pt-PT or nl',
  startAtLogin: 'true or false',
  allowInsecure: 'true or false',
};

/** What null means for the settings that allow it. */
const NULL_MEANS: Partial<Record<AppSettingName, string>> = {
  officeId: 'every office',
  groupId: 'every queue',
  display: 'the OS chooses',
  language: "the office's locale",
  startAtLogin: 'on in wall mode only',
};

export const SETTING_NAMES = Object.keys(DEFAULT_SETTINGS) as AppSettingName[];

/** A setting's value, or the issue that names it and says what is allowed. */
export function checkSetting(name: string, value: unknown): { ok: true; value: unknown } | { ok: false; issue: string } {
  if (!(SETTING_NAMES as string[]).includes(name)) {
    return { ok: false, issue: `${name}: is not a setting; the settings are ${SETTING_NAMES.join(', ')}` };
  }
  const field = name as AppSettingName;
  const result = AppSettingsSchema.shape[field].safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const orNull = NULL_MEANS[field] ? `, or null (${NULL_MEANS[field]})` : '';
  return { ok: false, issue: `${field}: must be ${SETTING_RULES[field]}${orNull}` };
}

/** Plain http:// to this machine (localhost, 127.0.0.0/8, ::1), where the token never reaches the network. */
const LoopbackHttpSchema = z.url({ protocol: /^http$/, hostname: /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i });
const HttpSchema = z.url({ protocol: /^http$/ });

/**
 * Why the token may not travel to this gateway, or null when it may: https:// always, http:// only to
 * this machine, unless allowInsecure is on (issue 15). Hosts are read as WHATWG URL reads them, so
 * 127.1 is loopback and localhost@evil.example is not.
 */
export function insecureGatewayReason(gatewayUrl: string, allowInsecure: boolean): string | null {
  if (allowInsecure || !HttpSchema.safeParse(gatewayUrl).success || LoopbackHttpSchema.safeParse(gatewayUrl).success) return null;
  return (
    `${gatewayUrl} is plain http:// to a gateway off this machine, so the token would travel in clear: ` +
    'use https:// (README, "TLS"), or set "allowInsecure": true in settings.json to accept that risk'
  );
}

/** The rules that span settings, as issues naming the field: the gateway's transport needs allowInsecure. */
export function crossSettingIssues(settings: Pick<AppSettings, 'gatewayUrl' | 'allowInsecure'>): string[] {
  const reason = insecureGatewayReason(settings.gatewayUrl, settings.allowInsecure);
  return reason ? [`gatewayUrl: ${reason}`] : [];
}

/** Command-line flag → the setting it overrides for one run (main parses them; the settings pane names them). */
export const LAUNCH_FLAGS: Readonly<Record<string, keyof LaunchOptions>> = {
  '--gateway': 'gatewayUrl',
  '--mode': 'mode',
  '--office': 'officeId',
  '--group': 'groupId',
  '--display': 'display',
};

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

/** Command-line flag → the setting it overrides for one run (main parses them; the settings pane names them). */
export const LAUNCH_FLAGS: Readonly<Record<string, keyof LaunchOptions>> = {
  '--gateway': 'gatewayUrl',
  '--mode': 'mode',
  '--office': 'officeId',
  '--group': 'groupId',
  '--display': 'display',
};

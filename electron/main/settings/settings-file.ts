import { z } from 'zod';
import { AppSettingsSchema, type AppSettingName, type AppSettings } from '../../../shared/ipc/ipc-contract';
import type { StoredToken } from './token-vault';

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

/** settings.json as written: the token sealed by the vault, never the token itself unless there is no keyring. */
export type StoredSettings = Omit<AppSettings, 'token'> & { token: StoredToken | null };

export const SETTINGS_FILE_VERSION = 1;

const StoredTokenSchema = z
  .union([z.strictObject({ safeStorage: z.base64() }), z.strictObject({ plainText: AppSettingsSchema.shape.token })])
  .nullable();

export type ParsedSettingsFile =
  | { readable: true; stored: StoredSettings; issues: string[] }
  | { readable: false; reason: string };

/**
 * Reads settings.json's text. A setting with a bad value falls back to its default and is named in
 * `issues`; a missing one takes its default silently (files from older versions lack newer settings).
 */
export function parseSettingsFile(text: string): ParsedSettingsFile {
  if (text.trim() === '') return { readable: false, reason: 'the file is empty' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { readable: false, reason: describeJsonError(text, error as Error) };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { readable: false, reason: 'it does not hold a JSON object' };
  }
  const { version, token, ...rest } = data as Record<string, unknown>;
  if (version !== SETTINGS_FILE_VERSION) {
    return { readable: false, reason: `its version is ${JSON.stringify(version)}; this Queueboard reads version ${SETTINGS_FILE_VERSION}` };
  }
  const stored: StoredSettings = { ...withoutToken(DEFAULT_SETTINGS), token: null };
  const issues: string[] = [];
  for (const [name, value] of Object.entries(rest)) {
    const checked = checkSetting(name, value);
    if (checked.ok) Object.assign(stored, { [name]: checked.value });
    else issues.push(checked.issue);
  }
  if (token !== undefined) {
    const sealed = StoredTokenSchema.safeParse(token);
    if (sealed.success) stored.token = sealed.data;
    else issues.push('token: must be null, {"safeStorage": "<base64>"} or {"plainText": "<token>"}');
  }
  return { readable: true, stored, issues };
}

export function serializeSettings(stored: StoredSettings): string {
  return `${JSON.stringify({ version: SETTINGS_FILE_VERSION, ...stored }, null, 2)}\n`;
}

export function withoutToken({ token: _token, ...rest }: AppSettings): Omit<AppSettings, 'token'> {
  return rest;
}

/** "line 3, column 9: Unexpected number" from V8's "… in JSON at position 42", which a person cannot count. */
export function describeJsonError(text: string, error: Error): string {
  const message = error.message.replace(/ \(line \d+ column \d+\)$/, '');
  const match = / in JSON at position (\d+)$/.exec(message);
  if (!match) return message;
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: ${message.slice(0, match.index)}`;
}

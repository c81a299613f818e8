import { z } from 'zod';
import { AppSettingsSchema, type AppSettings } from '../../../shared/ipc/ipc-contract';
import { checkSetting, crossSettingIssues, DEFAULT_SETTINGS } from '../../../shared/ipc/app-settings';
import type { StoredToken } from './token-vault';

// The defaults and the rules each setting follows are shared with the renderer's app settings pane.
export { checkSetting, crossSettingIssues, DEFAULT_GATEWAY_URL, DEFAULT_SETTINGS, SETTING_NAMES, SETTING_RULES } from '../../../shared/ipc/app-settings';

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
  // A gateway the token may not travel to is refused like any bad value: this run uses the default one.
  const transport = crossSettingIssues(stored);
  if (transport.length > 0) {
    stored.gatewayUrl = DEFAULT_SETTINGS.gatewayUrl;
    issues.push(...transport);
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

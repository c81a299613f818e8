import { checkSetting, LAUNCH_FLAGS } from '../../../shared/ipc/app-settings';
import type { AppSettingName, AppSettings, AppSettingsPatch } from '../../../shared/ipc/ipc-contract';

/**
 * The settings the pane edits. allowInsecure is not among them: sending the token in clear is a
 * deliberate edit of settings.json, which the pane shows as a warning (TransportSecurity.tsx).
 */
export type FormSettingName = Exclude<AppSettingName, 'allowInsecure'>;

/** What the form holds for each setting: the text of its control ('' for "none" where null is allowed). */
export type SettingsForm = Record<FormSettingName, string>;

export const FORM_ORDER: readonly FormSettingName[] = ['gatewayUrl', 'token', 'mode', 'officeId', 'groupId', 'display', 'language', 'startAtLogin'];

/** Which command-line flag overrides a setting for one run. */
export const FLAG_OF: Partial<Record<AppSettingName, string>> = Object.fromEntries(Object.entries(LAUNCH_FLAGS).map(([flag, name]) => [name, flag]));

export function toForm(settings: AppSettings): SettingsForm {
  return {
    gatewayUrl: settings.gatewayUrl,
    token: settings.token,
    mode: settings.mode,
    officeId: settings.officeId ?? '',
    groupId: settings.groupId ?? '',
    display: settings.display === null ? '' : String(settings.display),
    language: settings.language ?? '',
    startAtLogin: settings.startAtLogin === null ? '' : String(settings.startAtLogin),
  };
}

/** The value a control's text stands for, as main expects it. */
export function valueOf(name: FormSettingName, text: string): unknown {
  switch (name) {
    case 'gatewayUrl':
    case 'token':
    case 'mode':
      return name === 'gatewayUrl' ? text.trim() : text;
    case 'display':
      return text.trim() === '' ? null : /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
    case 'startAtLogin':
      return text === '' ? null : text === 'true';
    default:
      return text.trim() === '' ? null : text.trim();
  }
}

/** Each field's problem, worded as main words it ("gatewayUrl: must be an http:// or https:// URL …"). */
export function formProblems(form: SettingsForm): Partial<Record<AppSettingName, string>> {
  const problems: Partial<Record<AppSettingName, string>> = {};
  for (const name of FORM_ORDER) {
    const checked = checkSetting(name, valueOf(name, form[name]));
    // An empty control is what null means here, so say "empty" where main's wording says "null".
    if (!checked.ok) problems[name] = checked.issue.replace(', or null (', ', or empty (');
  }
  return problems;
}

/** Only the settings that differ from what is saved: a save never rewrites the others. */
export function changedSettings(saved: SettingsForm, form: SettingsForm): AppSettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const name of FORM_ORDER) if (form[name] !== saved[name]) patch[name] = valueOf(name, form[name]);
  return patch as AppSettingsPatch;
}

/** Main's answer names fields ("display: must be …"); sort them back onto their controls. */
export function issuesByField(issues: readonly string[]): { byField: Partial<Record<AppSettingName, string>>; other: string[] } {
  const byField: Partial<Record<AppSettingName, string>> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const name = FORM_ORDER.find((n) => issue.startsWith(`${n}:`));
    if (name) byField[name] = issue;
    else other.push(issue);
  }
  return { byField, other };
}

import type { z } from 'zod';
import { LaunchOptionsSchema, type AppSettings, type LaunchOptions } from '../../shared/ipc/ipc-contract';
import { parseWith } from '../../shared/protocol/validation';
import { insecureGatewayReason, LAUNCH_FLAGS } from '../../shared/ipc/app-settings';
import { SETTING_RULES } from './settings/settings-file';

export const GATEWAY_URL_ENV = 'QUEUEBOARD_GATEWAY_URL';

/** Raised with every bad flag at once, so one restart fixes them all. */
export class LaunchOptionsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Queueboard cannot start with these options:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'LaunchOptionsError';
  }
}

type Field = keyof LaunchOptions;

// Command-line flag → field (shared with the settings pane); other arguments (Chromium switches, the app
// path) are not ours to judge.
export { LAUNCH_FLAGS };

/**
 * Reads `--gateway=URL --mode=wall|desk --office=ID --group=ID --display=N` and `QUEUEBOARD_GATEWAY_URL`: only the
 * options given, which override the stored settings for this run. A flag beats the environment
 * variable; a repeated flag takes its last value.
 */
export function parseLaunchOverrides(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Partial<LaunchOptions> {
  const raw = new Map<Field, { source: string; value: string }>();
  const envGateway = env[GATEWAY_URL_ENV];
  if (envGateway !== undefined && envGateway !== '') raw.set('gatewayUrl', { source: GATEWAY_URL_ENV, value: envGateway });

  const problems: string[] = [];
  for (const arg of argv) {
    const [flag = '', ...rest] = arg.split('=');
    const field = LAUNCH_FLAGS[flag];
    if (field === undefined) continue;
    if (rest.length === 0) {
      problems.push(`${flag}: needs a value, written ${flag}=VALUE; it must be ${SETTING_RULES[field]}`);
      continue;
    }
    raw.set(field, { source: flag, value: rest.join('=') });
  }

  const overrides: Partial<LaunchOptions> = {};
  for (const [field, { source, value }] of raw) {
    const parsed = parseField(field, value);
    if (parsed.ok) Object.assign(overrides, { [field]: parsed.value });
    else problems.push(`${source}=${JSON.stringify(value)}: must be ${SETTING_RULES[field]}`);
  }
  if (problems.length > 0) throw new LaunchOptionsError(problems);
  return overrides;
}

/**
 * What this run uses: the stored settings, with the command line's overrides on top. The wall's or
 * desk's gateway comes from here, so a gateway the token may not travel to (plain http:// off this
 * machine without allowInsecure) stops the start, naming where it came from.
 */
export function resolveLaunchOptions(settings: AppSettings, overrides: Partial<LaunchOptions>): LaunchOptions {
  const { gatewayUrl, mode, officeId, groupId, display } = settings;
  const resolved = { gatewayUrl, mode, officeId, groupId, display, ...overrides };
  const reason = insecureGatewayReason(resolved.gatewayUrl, settings.allowInsecure);
  if (reason) {
    const source = 'gatewayUrl' in overrides ? `--gateway or ${GATEWAY_URL_ENV}` : 'gatewayUrl in settings.json';
    throw new LaunchOptionsError([`${source}: ${reason}`]);
  }
  return resolved;
}

function parseField(field: Field, text: string) {
  const schema: z.ZodType = LaunchOptionsSchema.shape[field];
  return parseWith(schema, field === 'display' && /^\d+$/.test(text) ? Number(text) : text);
}

import type { z } from 'zod';
import { LaunchOptionsSchema, type LaunchOptions } from '../../shared/ipc/ipc-contract';
import { parseWith } from '../../shared/protocol/validation';

export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:4310';
export const GATEWAY_URL_ENV = 'QUEUEBOARD_GATEWAY_URL';

/** Raised with every bad flag at once, so one restart fixes them all. */
export class LaunchOptionsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Queueboard cannot start with these options:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'LaunchOptionsError';
  }
}

type Field = keyof LaunchOptions;

/** Command-line flag → field; other arguments (Chromium switches, the app path) are not ours to judge. */
const FLAGS: Record<string, Field> = {
  '--gateway': 'gatewayUrl',
  '--mode': 'mode',
  '--office': 'officeId',
  '--display': 'display',
};

/** What each field allows, in words; the shared schema is what enforces it. */
const ALLOWED: Record<Field, string> = {
  gatewayUrl: 'an http:// or https:// URL such as http://127.0.0.1:4310',
  mode: 'wall or desk',
  officeId: 'an office id such as lisbon: lowercase a-z, 0-9 and "-"',
  display: 'a whole number from 0 (the primary display) to 15',
};

/**
 * Reads `--gateway=URL --mode=wall|desk --office=ID --display=N` and `QUEUEBOARD_GATEWAY_URL`.
 * A flag beats the environment variable; a repeated flag takes its last value.
 */
export function parseLaunchOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): LaunchOptions {
  const raw = new Map<Field, { source: string; value: string }>();
  const envGateway = env[GATEWAY_URL_ENV];
  if (envGateway !== undefined && envGateway !== '') raw.set('gatewayUrl', { source: GATEWAY_URL_ENV, value: envGateway });

  const problems: string[] = [];
  for (const arg of argv) {
    const [flag = '', ...rest] = arg.split('=');
    const field = FLAGS[flag];
    if (field === undefined) continue;
    if (rest.length === 0) {
      problems.push(`${flag}: needs a value, written ${flag}=VALUE; it must be ${ALLOWED[field]}`);
      continue;
    }
    raw.set(field, { source: flag, value: rest.join('=') });
  }

  const options: LaunchOptions = {
    gatewayUrl: DEFAULT_GATEWAY_URL,
    // Only the wall view exists so far; desk becomes the default once the desk view lands.
    mode: 'wall',
    officeId: null,
    display: null,
  };
  for (const [field, { source, value }] of raw) {
    const parsed = parseField(field, value);
    if (parsed.ok) Object.assign(options, { [field]: parsed.value });
    else problems.push(`${source}=${JSON.stringify(value)}: must be ${ALLOWED[field]}`);
  }
  if (problems.length > 0) throw new LaunchOptionsError(problems);
  return options;
}

function parseField(field: Field, text: string) {
  const schema: z.ZodType = LaunchOptionsSchema.shape[field];
  return parseWith(schema, field === 'display' && /^\d+$/.test(text) ? Number(text) : text);
}

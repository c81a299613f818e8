import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseWith } from '../../shared/protocol/validation';
import { GatewayConfigSchema, type GatewayConfig } from './config-schema';
import { demoCredentialProblems } from './demo-credentials';

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`Configuration ${file} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads a JSON or YAML configuration file and validates all of it; throws ConfigError naming each bad field. */
export async function loadConfigFile(file: string): Promise<GatewayConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [`cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`]);
  }
  return parseConfigText(text, file);
}

export function parseConfigText(text: string, file: string): GatewayConfig {
  let data: unknown;
  try {
    data = isJson(file) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigError(file, [`is not valid ${isJson(file) ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`]);
  }
  const parsed = parseWith(GatewayConfigSchema, data);
  if (!parsed.ok) throw new ConfigError(file, parsed.issues);
  const demoCredentials = demoCredentialProblems(parsed.value);
  if (demoCredentials.length > 0) throw new ConfigError(file, demoCredentials);
  return parsed.value;
}

function isJson(file: string): boolean {
  return extname(file).toLowerCase() === '.json';
}

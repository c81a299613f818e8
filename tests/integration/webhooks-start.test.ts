import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { ConfigError } from '../../server/config/load-config';
import type { Gateway } from '../../server/gateway';
import { createLogger } from '../../server/runtime/logger';
import { readSettings } from '../../server/runtime/settings';
import { startGateway } from '../../server/start-gateway';
import { lisbonQueue, oneOfficeConfig } from '../support/one-office';

const SECRET = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
const dirs: string[] = [];
let gateway: Gateway | null = null;
afterEach(async () => {
  vi.unstubAllEnvs();
  await gateway?.close();
  gateway = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts the gateway as `npm run gateway` does, from a configuration file with one signed JSON target. */
async function start(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'qb-webhooks-start-'));
  dirs.push(dir);
  const file = join(dir, 'gateway.yaml');
  writeFileSync(file, stringify(oneOfficeConfig([lisbonQueue()], {
    webhooks: { targets: [{ id: 'ops', format: 'json', urlEnv: 'QB_TEST_HOOK_URL', secretEnv: 'QB_TEST_HOOK_SECRET', routes: [{}] }] },
  })));
  const lines: string[] = [];
  const settings = readSettings({ PORT: '0', QUEUEBOARD_CONFIG: file, QUEUEBOARD_DATA_DIR: join(dir, 'data') }, process.cwd());
  gateway = await startGateway(settings, createLogger({ level: 'debug', write: (line) => lines.push(line) }), 'test');
  return lines;
}

describe('webhook secrets at start', () => {
  it('refuses to start without them, naming each field and variable and no value', async () => {
    vi.stubEnv('QB_TEST_HOOK_URL', 'https://hooks.example.com/in/very-secret-path');
    vi.stubEnv('QB_TEST_HOOK_SECRET', '');
    const refused = await start().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).problems).toEqual(['webhooks.targets[0].secretEnv: the environment variable QB_TEST_HOOK_SECRET is not set']);
    expect((refused as ConfigError).message).not.toContain('very-secret-path');
  });

  it('starts with them, and its start line counts the targets without showing either', async () => {
    vi.stubEnv('QB_TEST_HOOK_URL', 'https://hooks.example.com/in/very-secret-path');
    vi.stubEnv('QB_TEST_HOOK_SECRET', SECRET);
    const lines = await start();
    expect(lines.find((line) => line.includes('gateway listening'))).toContain('webhookTargets=1');
    expect(lines.join('\n')).not.toContain('very-secret-path');
    expect(lines.join('\n')).not.toContain(SECRET.slice(6));
  });
});

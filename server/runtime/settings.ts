import { resolve } from 'node:path';

export interface GatewaySettings {
  port: number;
  host: string;
  configFile: string | null;
  demoSeed: number;
  /** Simulated time runs this many times faster than real time (demos and soak tests). */
  speed: number;
  /** Folder of the SQLite database. */
  dataDir: string;
  /** `--fresh-store` or QUEUEBOARD_FRESH_STORE=1: a damaged or empty database is moved aside and a new one begun. */
  freshStore: boolean;
  /** A plain ingest key from the environment, accepted for source "push". */
  ingestKey: string | null;
  rendererDir: string;
  allowedOrigins: string[];
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  metricsToken: string | null;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** PEM certificate and key files: with both, the gateway serves https and wss (server/runtime/tls-files.ts). */
  tls: { certFile: string; keyFile: string } | null;
  /** QUEUEBOARD_REDIS_URL: several gateways share screens over this Redis, and one at a time evaluates and polls. */
  redisUrl: string | null;
  /** QUEUEBOARD_STORE: PostgreSQL holds the store; this gateway works on a SQLite copy loaded from it (server/store/pg/). */
  storeUrl: string | null;
  /** QUEUEBOARD_GATEWAYS: every gateway of the cluster by origin; their pages may connect to each (and move when one dies). */
  peerGateways: string[];
}

export class SettingsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The gateway's environment is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

/** Where the built-in demo listens unless HOST is set (issue 15). */
export const DEMO_HOST = '127.0.0.1';

/** The Electron app's own origin (electron/main serves the renderer from app://queueboard). */
export const ELECTRON_APP_ORIGIN = 'app://queueboard';

/** Reads the gateway's settings from environment variables; each problem names the variable and the rule. */
export function readSettings(env: NodeJS.ProcessEnv, projectRoot: string, argv: readonly string[] = []): GatewaySettings {
  const speedFlag = argv.find((arg) => arg.startsWith('--speed='));
  if (speedFlag) env = { ...env, QUEUEBOARD_SPEED: speedFlag.slice('--speed='.length) };
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}=${JSON.stringify(raw)}: must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const ingestKey = env.QUEUEBOARD_INGEST_KEY || null;
  if (ingestKey !== null && ingestKey.length < 16) {
    problems.push('QUEUEBOARD_INGEST_KEY: must be at least 16 characters (use a random string)');
  }
  const logLevel = env.QUEUEBOARD_LOG_LEVEL ?? 'info';
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    problems.push(`QUEUEBOARD_LOG_LEVEL=${JSON.stringify(logLevel)}: must be one of debug, info, warn, error`);
  }
  const extraOrigins = (env.QUEUEBOARD_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of extraOrigins) {
    if (!/^(https?|app):\/\/[^/\s]+$/.test(origin)) {
      problems.push(`QUEUEBOARD_ALLOWED_ORIGINS: "${origin}" must be an origin such as http://wall-01:5173 (no path)`);
    }
  }
  const freshStore = argv.includes('--fresh-store') || env.QUEUEBOARD_FRESH_STORE === '1';
  if (![undefined, '', '0', '1'].includes(env.QUEUEBOARD_FRESH_STORE)) {
    problems.push(`QUEUEBOARD_FRESH_STORE=${JSON.stringify(env.QUEUEBOARD_FRESH_STORE)}: must be 1 (move a damaged store aside) or 0`);
  }
  if (env.QUEUEBOARD_METRICS_TOKEN && env.QUEUEBOARD_METRICS_TOKEN.length < 16) {
    problems.push('QUEUEBOARD_METRICS_TOKEN: must be at least 16 characters (use a random string)');
  }
  const certFile = env.QUEUEBOARD_TLS_CERT || null;
  const keyFile = env.QUEUEBOARD_TLS_KEY || null;
  if ((certFile === null) !== (keyFile === null)) {
    const [set, missing] = certFile ? ['QUEUEBOARD_TLS_CERT', 'QUEUEBOARD_TLS_KEY'] : ['QUEUEBOARD_TLS_KEY', 'QUEUEBOARD_TLS_CERT'];
    problems.push(`${missing}: must be set too when ${set} is set (both PEM files, or neither for plain http)`);
  }
  const redisUrl = env.QUEUEBOARD_REDIS_URL || null;
  if (redisUrl !== null && !/^rediss?:\/\/[^/\s]+/.test(redisUrl)) {
    problems.push('QUEUEBOARD_REDIS_URL: must be a redis:// or rediss:// address such as redis://127.0.0.1:6379 (unset it for a single gateway)');
  }
  const storeUrl = env.QUEUEBOARD_STORE || null;
  if (storeUrl !== null && !/^postgres(ql)?:\/\/[^/\s]+/.test(storeUrl)) {
    problems.push('QUEUEBOARD_STORE: must be a postgres:// address such as postgres://queueboard@db-host:5432/queueboard (unset it for the SQLite store in QUEUEBOARD_DATA_DIR)');
  }
  const peerGateways = (env.QUEUEBOARD_GATEWAYS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of peerGateways) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) problems.push(`QUEUEBOARD_GATEWAYS: "${origin}" must be a gateway's origin such as http://gw-2:4310 (no path)`);
  }
  const configFile = env.QUEUEBOARD_CONFIG ? resolve(env.QUEUEBOARD_CONFIG) : null;
  const settings: GatewaySettings = {
    port: integer('PORT', 4310, 0, 65535),
    // The built-in demo's tokens are in the README: it stays on this machine unless HOST says otherwise.
    host: env.HOST || (configFile ? '0.0.0.0' : DEMO_HOST),
    configFile,
    demoSeed: integer('QUEUEBOARD_DEMO_SEED', 1, 0, 2 ** 32 - 1),
    speed: integer('QUEUEBOARD_SPEED', 1, 1, 10_000),
    dataDir: resolve(env.QUEUEBOARD_DATA_DIR || resolve(projectRoot, '.data')),
    freshStore,
    ingestKey,
    rendererDir: resolve(env.QUEUEBOARD_RENDERER_DIR || resolve(projectRoot, 'dist/renderer')),
    // A page served by one gateway of a cluster connects to the others when its own dies.
    allowedOrigins: [...new Set([ELECTRON_APP_ORIGIN, ...extraOrigins, ...peerGateways])],
    metricsToken: env.QUEUEBOARD_METRICS_TOKEN || null,
    logLevel: logLevel as GatewaySettings['logLevel'],
    tls: certFile && keyFile ? { certFile: resolve(certFile), keyFile: resolve(keyFile) } : null,
    redisUrl,
    storeUrl,
    peerGateways,
  };
  if (problems.length > 0) throw new SettingsError(problems);
  return settings;
}

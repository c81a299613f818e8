import { describe, expect, it } from 'vitest';
import { readSettings, SettingsError } from './settings';

describe('gateway settings', () => {
  it('has documented defaults', () => {
    const settings = readSettings({}, '/srv/queueboard');
    expect(settings).toEqual({
      port: 4310,
      // The built-in demo (no QUEUEBOARD_CONFIG) stays on this machine (issue 15).
      host: '127.0.0.1',
      configFile: null,
      demoSeed: 1,
      speed: 1,
      dataDir: '/srv/queueboard/.data',
      freshStore: false,
      ingestKey: null,
      rendererDir: '/srv/queueboard/dist/renderer',
      allowedOrigins: ['app://queueboard'],
      metricsToken: null,
      logLevel: 'info',
      tls: null,
      // One gateway alone unless QUEUEBOARD_REDIS_URL names the cluster's Redis (issue 21).
      redisUrl: null,
      // The SQLite store unless QUEUEBOARD_STORE names a PostgreSQL one (issue 21).
      storeUrl: null,
      peerGateways: [],
    });
  });

  it('lets the pages of one gateway of a cluster connect to the others named in QUEUEBOARD_GATEWAYS', () => {
    const settings = readSettings({ QUEUEBOARD_GATEWAYS: 'http://gw-1:4310, http://gw-2:4310' }, '/srv');
    expect(settings.peerGateways).toEqual(['http://gw-1:4310', 'http://gw-2:4310']);
    expect(settings.allowedOrigins).toEqual(['app://queueboard', 'http://gw-1:4310', 'http://gw-2:4310']);
    expect(() => readSettings({ QUEUEBOARD_GATEWAYS: 'http://gw-1:4310/wall' }, '/srv')).toThrow(/QUEUEBOARD_GATEWAYS: "http:\/\/gw-1:4310\/wall" must be a gateway's origin/);
  });

  it('takes a postgres:// address for the store, naming the variable and the rule otherwise', () => {
    expect(readSettings({ QUEUEBOARD_STORE: 'postgres://qb:secret@db:5432/qb' }, '/srv').storeUrl).toBe('postgres://qb:secret@db:5432/qb');
    expect(readSettings({ QUEUEBOARD_STORE: 'postgresql://db/qb' }, '/srv').storeUrl).toBe('postgresql://db/qb');
    expect(() => readSettings({ QUEUEBOARD_STORE: '/var/lib/qb.sqlite' }, '/srv')).toThrow(/QUEUEBOARD_STORE: must be a postgres:\/\/ address/);
  });

  it('takes a redis:// or rediss:// address for a cluster, naming the variable and the rule otherwise', () => {
    expect(readSettings({ QUEUEBOARD_REDIS_URL: 'redis://10.0.0.5:6379' }, '/srv').redisUrl).toBe('redis://10.0.0.5:6379');
    expect(readSettings({ QUEUEBOARD_REDIS_URL: 'rediss://:secret@cache.example:6380/2' }, '/srv').redisUrl).toBe('rediss://:secret@cache.example:6380/2');
    expect(() => readSettings({ QUEUEBOARD_REDIS_URL: '10.0.0.5:6379' }, '/srv')).toThrow(/QUEUEBOARD_REDIS_URL: must be a redis:\/\/ or rediss:\/\/ address/);
  });

  it('asks for a fresh store only when told, by flag or variable, and names a bad value', () => {
    expect(readSettings({}, '/srv', ['--fresh-store']).freshStore).toBe(true);
    expect(readSettings({ QUEUEBOARD_FRESH_STORE: '1' }, '/srv').freshStore).toBe(true);
    expect(readSettings({ QUEUEBOARD_FRESH_STORE: '0' }, '/srv').freshStore).toBe(false);
    expect(() => readSettings({ QUEUEBOARD_FRESH_STORE: 'yes' }, '/srv')).toThrow(/QUEUEBOARD_FRESH_STORE="yes": must be 1 \(move a damaged store aside\) or 0/);
  });

  it('listens on every interface by default only with a configuration file; HOST always wins (issue 15)', () => {
    expect(readSettings({}, '/srv').host).toBe('127.0.0.1');
    expect(readSettings({ QUEUEBOARD_CONFIG: '/etc/qb.yaml' }, '/srv').host).toBe('0.0.0.0');
    expect(readSettings({ HOST: '0.0.0.0' }, '/srv').host).toBe('0.0.0.0');
    expect(readSettings({ HOST: '192.168.1.20', QUEUEBOARD_CONFIG: '/etc/qb.yaml' }, '/srv').host).toBe('192.168.1.20');
  });

  it('takes a metrics token of 16 characters or more, naming the variable otherwise', () => {
    expect(readSettings({ QUEUEBOARD_METRICS_TOKEN: 'scraper-token-0123' }, '/srv').metricsToken).toBe('scraper-token-0123');
    expect(() => readSettings({ QUEUEBOARD_METRICS_TOKEN: 'short' }, '/srv')).toThrow('QUEUEBOARD_METRICS_TOKEN: must be at least 16 characters (use a random string)');
  });

  it('reads each variable', () => {
    const settings = readSettings(
      { PORT: '0', HOST: '127.0.0.1', QUEUEBOARD_CONFIG: '/etc/qb.yaml', QUEUEBOARD_DEMO_SEED: '9', QUEUEBOARD_ALLOWED_ORIGINS: 'http://localhost:5173' },
      '/srv',
    );
    expect(settings).toMatchObject({ port: 0, host: '127.0.0.1', configFile: '/etc/qb.yaml', demoSeed: 9 });
    expect(settings.allowedOrigins).toEqual(['app://queueboard', 'http://localhost:5173']);
  });

  it('takes the speed from --speed=N before the environment, and checks the ingest key', () => {
    expect(readSettings({ QUEUEBOARD_SPEED: '5' }, '/srv', ['--speed=60']).speed).toBe(60);
    expect(readSettings({ QUEUEBOARD_SPEED: '5' }, '/srv').speed).toBe(5);
    expect(() => readSettings({ QUEUEBOARD_INGEST_KEY: 'short' }, '/srv')).toThrow(/QUEUEBOARD_INGEST_KEY: must be at least 16 characters/);
    expect(() => readSettings({}, '/srv', ['--speed=0'])).toThrow(/QUEUEBOARD_SPEED="0": must be a whole number from 1 to 10000/);
  });

  it('names every bad variable and the rule', () => {
    let error: unknown;
    try {
      readSettings({ PORT: '70000', QUEUEBOARD_DEMO_SEED: '1.5', QUEUEBOARD_ALLOWED_ORIGINS: 'http://x/path' }, '/');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).problems).toEqual([
      'QUEUEBOARD_ALLOWED_ORIGINS: "http://x/path" must be an origin such as http://wall-01:5173 (no path)',
      'PORT="70000": must be a whole number from 0 to 65535',
      'QUEUEBOARD_DEMO_SEED="1.5": must be a whole number from 0 to 4294967295',
    ]);
  });
});

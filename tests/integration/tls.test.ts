import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../server/gateway';
import { silentLogger } from '../../server/runtime/logger';
import { readSettings, SettingsError } from '../../server/runtime/settings';
import { readTlsFiles } from '../../server/runtime/tls-files';
import { startGateway } from '../../server/start-gateway';
import { PROTOCOL_VERSION, type Snapshot } from '../../shared/protocol/protocol';
import { startGatewayProcess } from '../support/gateway-process';

const dir = mkdtempSync(join(tmpdir(), 'qb-tls-'));
const certFile = join(dir, 'cert.pem');
const keyFile = join(dir, 'key.pem');
const otherKey = join(dir, 'other-key.pem');

/** A throwaway self-signed certificate for 127.0.0.1, made with openssl for this run only. */
function makeCertificate(): void {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=queueboard-test', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost');
  openssl('genrsa', '-out', otherKey, '2048');
}

let gateway: Gateway | null = null;
beforeAll(makeCertificate);
afterAll(async () => {
  await gateway?.close();
});

const httpsGet = (url: string, ca?: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    get(url, { ca }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });

describe('TLS: https and wss when QUEUEBOARD_TLS_CERT and QUEUEBOARD_TLS_KEY are set', () => {
  it('refuses one variable without the other, naming the missing one', () => {
    expect(() => readSettings({ QUEUEBOARD_TLS_CERT: certFile }, '/srv')).toThrow(/QUEUEBOARD_TLS_KEY: must be set too when QUEUEBOARD_TLS_CERT is set/);
    expect(() => readSettings({ QUEUEBOARD_TLS_KEY: keyFile }, '/srv')).toThrow(/QUEUEBOARD_TLS_CERT: must be set too when QUEUEBOARD_TLS_KEY is set/);
    expect(readSettings({ QUEUEBOARD_TLS_CERT: certFile, QUEUEBOARD_TLS_KEY: keyFile }, '/srv').tls).toEqual({ certFile, keyFile });
  });

  it('refuses a file that cannot be read, is not PEM, or a key that does not match, naming the variable', () => {
    const problems = (certFile: string, keyFile: string) => {
      try {
        readTlsFiles({ certFile, keyFile });
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(SettingsError);
        return (error as SettingsError).problems;
      }
    };
    expect(problems(join(dir, 'missing.pem'), keyFile)).toEqual([`QUEUEBOARD_TLS_CERT=${join(dir, 'missing.pem')}: cannot be read (ENOENT)`]);
    const notPem = join(dir, 'not.pem');
    writeFileSync(notPem, 'hello');
    expect(problems(certFile, notPem)).toEqual([`QUEUEBOARD_TLS_KEY=${notPem}: must be a PEM private key (a file with -----BEGIN PRIVATE KEY-----)`]);
    expect(problems(certFile, otherKey)).toEqual([expect.stringMatching(/^QUEUEBOARD_TLS_CERT and QUEUEBOARD_TLS_KEY: the key does not belong to the certificate/)]);
    expect(problems(certFile, keyFile)).toEqual([]);
  });

  it('a gateway process started with only the certificate stops with a message naming the variable', async () => {
    await expect(startGatewayProcess({ QUEUEBOARD_TLS_CERT: certFile, QUEUEBOARD_DATA_DIR: join(dir, 'data-refused') })).rejects.toThrow(
      /QUEUEBOARD_TLS_KEY: must be set too[\s\S]*The gateway did not start/,
    );
  });

  it('serves /healthz over https and screens over wss to a client that trusts the CA; refuses plain http and untrusting clients', async () => {
    const settings = readSettings(
      { HOST: '127.0.0.1', PORT: '0', QUEUEBOARD_DATA_DIR: join(dir, 'data'), QUEUEBOARD_TLS_CERT: certFile, QUEUEBOARD_TLS_KEY: keyFile },
      process.cwd(),
    );
    gateway = await startGateway(settings, silentLogger, 'test');
    const { port } = gateway.httpServer.address() as { port: number };
    const ca = readFileSync(certFile, 'utf8');

    const health = await httpsGet(`https://127.0.0.1:${port}/healthz`, ca);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });
    await expect(httpsGet(`https://127.0.0.1:${port}/healthz`)).rejects.toThrow(/self-signed certificate/);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();

    const screen = io(`https://127.0.0.1:${port}`, { auth: { protocol: PROTOCOL_VERSION, client: 'wall' }, transports: ['websocket'], reconnection: false, forceNew: true, ca, extraHeaders: { origin: `https://127.0.0.1:${port}` } });
    const snapshot = await new Promise<Snapshot>((resolve, reject) => {
      screen.once('snapshot', resolve);
      screen.once('connect_error', reject);
    });
    expect(snapshot.queues.length).toBeGreaterThan(0);
    expect((screen.io.engine.transport as unknown as { name: string }).name).toBe('websocket');
    screen.disconnect();

    const untrusting = io(`https://127.0.0.1:${port}`, { auth: { protocol: PROTOCOL_VERSION, client: 'wall' }, transports: ['websocket'], reconnection: false, forceNew: true });
    const refused = await new Promise<Error>((resolve) => untrusting.once('connect_error', resolve));
    expect(refused.message).toMatch(/websocket error/);
    untrusting.disconnect();
  }, 30_000);
});

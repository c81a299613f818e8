import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/content-security-policy';
import { silentLogger } from '../runtime/logger';
import { createHttpHandler } from './http-handler';

let server: Server | null = null;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

describe('the gateway serving the web pages', () => {
  it('sends the one shared content-security policy, object-src included', async () => {
    const handler = createHttpHandler({
      health: () => {
        throw new Error('not asked');
      },
      metricsText: () => '',
      api: async () => false,
      staticFiles: async () => ({ kind: 'file', file: { contentType: 'text/html; charset=utf-8', body: Buffer.from('<!doctype html>'), immutable: false } }),
      logger: silentLogger,
    });
    server = createServer((request, response) => void handler(request, response));
    await new Promise<void>((listening) => server!.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`);
    const policy = response.headers.get('content-security-policy');
    expect(policy).toBe(contentSecurityPolicy());
    expect(policy).toContain("object-src 'none'");
  });

  it('lets the pages of a cluster gateway connect to the others named in QUEUEBOARD_GATEWAYS, over http and ws', async () => {
    const handler = createHttpHandler({
      health: () => {
        throw new Error('not asked');
      },
      metricsText: () => '',
      api: async () => false,
      staticFiles: async () => ({ kind: 'file', file: { contentType: 'text/html; charset=utf-8', body: Buffer.from('<!doctype html>'), immutable: false } }),
      logger: silentLogger,
      peerGateways: ['http://gw-2:4310', 'https://gw-3'],
    });
    server = createServer((request, response) => void handler(request, response));
    await new Promise<void>((listening) => server!.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as AddressInfo;
    const policy = (await fetch(`http://127.0.0.1:${port}/`)).headers.get('content-security-policy');
    expect(policy).toContain("connect-src 'self' http://gw-2:4310 ws://gw-2:4310 https://gw-3 wss://gw-3;");
  });
});

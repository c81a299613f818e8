import { writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { feedScreen, until } from '../support/feed-screen';
import { startDemoGateway } from '../support/gateway-harness';
import { checkNginxConfig, startNginx } from '../support/real-nginx';
import { freePort } from '../support/real-servers';

const EXAMPLE = resolve('deploy/nginx.conf');
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('deploy/nginx.conf', () => {
  it('passes nginx -t', () => {
    expect(checkNginxConfig(EXAMPLE)).toMatch(/syntax is ok[\s\S]*test is successful/);
  });

  it('nginx -t fails a broken copy, so the check above can fail', () => {
    const folder = mkdtempSync(join(tmpdir(), 'queueboard-nginx-broken-'));
    cleanup.push(() => rmSync(folder, { recursive: true, force: true }));
    const broken = join(folder, 'nginx.conf');
    writeFileSync(broken, 'events {}\nhttp { upstream queueboard { server 10.0.0.11:4310; }\n');
    expect(() => checkNginxConfig(broken)).toThrow(/nginx -t -c .* failed/);
  });

  it('in front of a gateway and a dead address, a screen gets its board over the WebSocket upgrade', async () => {
    const { gateway, url } = await startDemoGateway();
    cleanup.push(() => gateway.close());
    const gatewayAddress = new URL(url).host;
    const dead = `127.0.0.1:${await freePort()}`;
    const nginx = await startNginx(EXAMPLE, (config, port) =>
      config
        .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
        .replace(/worker_processes auto;/, '')
        // Every upstream: the dead address first, then the live gateway.
        .replace(/(upstream queueboard(?:_api)? \{\n)(?:\s*server [^\n]+\n)+/g, (_m, head: string) => `${head}    server ${dead} max_fails=1 fail_timeout=5s;\n    server ${gatewayAddress} max_fails=1 fail_timeout=5s;\n`),
    );
    cleanup.push(() => nginx.close());
    const stops: Array<() => void> = [];
    cleanup.push(() => stops.forEach((stop) => stop()));
    const screen = feedScreen(nginx.url, stops);
    await until('the screen live through nginx', () => screen.getState().connection.status === 'live', 10_000).catch(async (error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(screen.getState().connection)}`);
    });
    expect(screen.getState().feed.queues.length).toBeGreaterThan(0);
    const page = await fetch(`${nginx.url}/healthz`);
    expect(page.status).toBe(200);
  });
});

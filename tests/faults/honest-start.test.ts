import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, startWebScript, waitFor, type StartScript } from '../support/start-script';

const scripts: StartScript[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const script of scripts.splice(0)) {
    if (script.child.exitCode === null && script.child.signalCode === null) {
      script.child.kill('SIGTERM');
      await script.exited;
    }
  }
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const dataDir = () => join(mkdtempSync(join(tmpdir(), 'qb-start-')), 'data');

describe('npm run web tells the truth about where the wall is', () => {
  it('on a port another program holds (answering /healthz too), prints no address, says the port is in use and exits 78 without retrying', async () => {
    // Another gateway, or anything else, already answers on the port: only our own gateway's word counts.
    const other = createServer((_, response) => response.end('ok'));
    servers.push(other);
    const port = await freePort();
    await new Promise<void>((resolve) => other.listen(port, '127.0.0.1', resolve));
    const script = startWebScript({ PORT: String(port), QUEUEBOARD_DATA_DIR: dataDir() });
    scripts.push(script);
    const { code } = await script.exited;
    const output = script.output();
    expect(code).toBe(78);
    expect(output).toContain(`Port ${port} is already in use: stop the other gateway or set PORT.`);
    expect(output).toContain('not restarting it');
    expect(output).not.toMatch(/open https?:\/\//);
    expect(output.match(/gateway started/g)).toHaveLength(1);
  });

  it('prints one address, once the gateway listens, after its own log says so', async () => {
    const port = await freePort();
    const script = startWebScript({ PORT: String(port), QUEUEBOARD_DATA_DIR: dataDir() });
    scripts.push(script);
    await waitFor('the wall address', () => script.output().includes('Ctrl+C stops'), 30_000, script.output);
    const output = script.output();
    expect(output).toContain(`Queueboard web wall: open http://127.0.0.1:${port}/ (or ?office=lisbon, ?office=amsterdam) in a browser on this machine. Ctrl+C stops.`);
    expect(output.indexOf('gateway listening')).toBeGreaterThan(-1);
    expect(output.indexOf('gateway listening')).toBeLessThan(output.indexOf('Queueboard web wall: open'));
    expect(new Set(output.match(/https?:\/\/[^\s/]+/g))).toEqual(new Set([`http://127.0.0.1:${port}`]));
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).ok).toBe(true);
  });
});

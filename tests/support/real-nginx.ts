import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBinary, freePort, pathCandidates, waitForPort } from './real-servers';

/** Debian's nginx (in /usr/sbin, off a plain user's PATH); a missing one fails the test naming the package. */
export function nginxBinary(): string {
  return findBinary('nginx', pathCandidates('nginx', ['/usr/sbin/nginx']), 'nginx');
}

/** Its own prefix folder, so the pid file, logs and temporary files go there, not to /var. */
function prefixFlags(prefix: string, more = ''): string[] {
  return ['-p', prefix, '-g', `pid ${join(prefix, 'nginx.pid')}; error_log ${join(prefix, 'error.log')} warn; ${more}`];
}

/** `nginx -t -c <file>`: nginx's own check of a configuration; returns what it printed, throws with it on a failure. */
export function checkNginxConfig(file: string): string {
  const prefix = mkdtempSync(join(tmpdir(), 'queueboard-nginx-t-'));
  try {
    // nginx -t reports on stderr, success and failure alike.
    const checked = spawnSync(nginxBinary(), ['-t', '-c', file, ...prefixFlags(prefix)], { encoding: 'utf8' });
    const said = `${checked.stdout}${checked.stderr}`;
    if (checked.status !== 0) throw new Error(`nginx -t -c ${file} failed (exit ${checked.status}):\n${said}`);
    return said;
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
}

export interface RealNginx {
  url: string;
  close(): Promise<void>;
}

/**
 * Runs the configuration `file` in the foreground on a free loopback port, with `rewrite` applied first
 * (the example's upstream addresses and listen port replaced by the test's).
 */
export async function startNginx(file: string, rewrite: (config: string, port: number) => string): Promise<RealNginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'queueboard-nginx-'));
  const port = await freePort();
  const config = join(prefix, 'nginx.conf');
  writeFileSync(config, rewrite(readFileSync(file, 'utf8'), port));
  const child: ChildProcess = spawn(nginxBinary(), ['-c', config, ...prefixFlags(prefix, 'daemon off; master_process off;')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitForPort(port, 10_000, `nginx (${output})`);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

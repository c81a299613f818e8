import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runToExit } from '../support/run-to-exit';
import { freePort, isAlive, startWebScript, waitFor, type StartScript } from '../support/start-script';

const scripts: StartScript[] = [];
afterEach(async () => {
  for (const script of scripts.splice(0)) {
    if (script.child.exitCode === null && script.child.signalCode === null) {
      script.child.kill('SIGTERM');
      await script.exited;
    }
  }
});

/** Supervises `gatewayCode` (a node -e program) with short pauses and stops after `restarts` restarts. */
function superviseFake(gatewayCode: string, restarts: number) {
  const supervise = pathToFileURL(join(process.cwd(), 'scripts/supervise.mjs')).href;
  const driver = `
    import { superviseGateway } from ${JSON.stringify(supervise)};
    let supervisor = null;
    supervisor = superviseGateway({
      command: process.execPath, args: ['-e', ${JSON.stringify(gatewayCode)}],
      initialDelayMs: 100, maxDelayMs: 400, healthyAfterMs: 60000,
      log: (line) => { console.log(line); if (supervisor && supervisor.restarts >= ${restarts}) supervisor.stop(); },
      onGiveUp: (code) => console.log('gave up ' + code),
    });`;
  return runToExit(process.execPath, ['--input-type=module', '-e', driver], {}, 20_000);
}

describe('the supervisor of npm start and npm run web (scripts/supervise.mjs)', () => {
  it('restarts a dying gateway with a doubling pause up to its cap, counting and logging each exit code', async () => {
    const { stdout, code } = await superviseFake('process.exit(3)', 5);
    expect(code).toBe(0);
    const died = stdout.split('\n').filter((line) => line.startsWith('gateway died'));
    expect(died.map((line) => line.replace(/after [\d.]+ s/, 'after _ s'))).toEqual([
      'gateway died (exit code 3) after _ s; restart 1 in 0.1 s',
      'gateway died (exit code 3) after _ s; restart 2 in 0.2 s',
      'gateway died (exit code 3) after _ s; restart 3 in 0.4 s',
      'gateway died (exit code 3) after _ s; restart 4 in 0.4 s',
      'gateway died (exit code 3) after _ s; restart 5 in 0.4 s',
    ]);
    expect(stdout).toMatch(/gateway started again \(pid \d+, restart 4\)/);
  });

  it('names the signal of a killed gateway', async () => {
    const { stdout } = await superviseFake("process.kill(process.pid, 'SIGKILL')", 1);
    expect(stdout).toMatch(/gateway died \(signal SIGKILL\) after [\d.]+ s; restart 1 in 0\.1 s/);
  });

  it('does not restart a gateway that exits 78 (configuration or store only a person can fix), and says so', async () => {
    const { stdout } = await superviseFake('process.exit(78)', 1);
    expect(stdout).toContain('the gateway cannot start until the problem above is fixed (exit code 78); not restarting it');
    expect(stdout).toContain('gave up 78');
    expect(stdout).not.toContain('gateway died');
  });

  it('brings a SIGKILLed gateway of npm run web back on its port, then stops it with the script', async () => {
    const port = await freePort();
    const script = startWebScript({ PORT: String(port), QUEUEBOARD_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'qb-supervised-')), 'data') });
    scripts.push(script);
    await waitFor('the wall address', () => script.output().includes('open http://'), 30_000, script.output);
    const firstPid = Number(/gateway started \(pid (\d+)\)/.exec(script.output())![1]);
    process.kill(firstPid, 'SIGKILL');
    await waitFor('listening again', () => script.output().includes('the gateway is listening again (restart 1)'), 30_000, script.output);
    expect(script.output()).toMatch(/\[supervisor\] gateway died \(signal SIGKILL\) after [\d.]+ s; restart 1 in 1\.0 s/);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).ok).toBe(true);
    const secondPid = Number(/gateway started again \(pid (\d+), restart 1\)/.exec(script.output())![1]);
    script.child.kill('SIGTERM');
    expect(await script.exited).toEqual({ code: 0, signal: null });
    expect(isAlive(secondPid)).toBe(false);
  });
});

const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;

describe('the systemd unit for production (docs/queueboard-gateway.service)', () => {
  it.skipIf(!hasSystemdAnalyze)('passes systemd-analyze verify (needs systemd-analyze)', () => {
    // verify checks that ExecStart's program exists: point it at this machine's node where that is not /usr/bin/node.
    const unit = readFileSync('docs/queueboard-gateway.service', 'utf8');
    expect(unit).toContain('ExecStart=/usr/bin/node --import tsx server/index.ts');
    expect(unit).toContain('RestartPreventExitStatus=78');
    const copy = join(mkdtempSync(join(tmpdir(), 'qb-unit-')), 'queueboard-gateway.service');
    writeFileSync(copy, unit.replace('ExecStart=/usr/bin/node', `ExecStart=${process.execPath}`));
    const result = spawnSync('systemd-analyze', ['verify', '--man=no', copy], { encoding: 'utf8' });
    expect(result.stderr.trim()).toBe('');
    expect(result.status).toBe(0);
  });
});

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

// Benchmarks are not tests (bench/, `npm run bench`): this only keeps their harness from rotting. The Node-only
// benchmarks run here in their smallest configuration (~20 s); the browser ones take over a minute even then
// and are left to `npm run bench -- --smoke`.
describe('npm run bench -- --smoke', () => {
  it('runs the fan-out, propagation and beat benchmarks to a table, against their floors', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--smoke', '--only=fanout,propagation,beat'], { timeout: 50_000 });
    expect(stdout).toMatch(/CPU: .+ × \d+ cores/);
    expect(stdout).toMatch(/\| fanout +\| deliveries\/s per core/);
    expect(stdout).toMatch(/\| propagation +\| save→5 screens p99/);
    expect(stdout).toMatch(/\| beat +\| CPU per beat \(300 queues/);
    // Every row has a floor measured in the same run.
    expect(stdout).not.toMatch(/\| fanout +\| deliveries\/s per core[^\n]*\| – +\|/);
    expect(stdout).not.toMatch(/\| beat +\| CPU per beat[^\n]*\| – +\|/);
  }, 60_000);
});

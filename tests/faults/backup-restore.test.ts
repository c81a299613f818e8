import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../server/runtime/logger';
import { openStore, type GatewayStore } from '../../server/store';
import { killHard, startGatewayProcess, type GatewayProcess } from '../support/gateway-process';
import { runToExit } from '../support/run-to-exit';
import { corruptMiddle, essentials, fillStore, storeFileWithData } from '../support/store-files';

const KEY = 'backup-restore-ingest-key';
const running: GatewayProcess[] = [];
const opened: GatewayStore[] = [];
afterEach(async () => {
  opened.splice(0).forEach((s) => s.close());
  await Promise.all(running.splice(0).map(killHard));
});

const npm = (script: 'backup' | 'restore', file: string, dataDir: string) => runToExit('npm', ['run', '--silent', script, '--', file], { QUEUEBOARD_DATA_DIR: dataDir });
const tempDir = () => mkdtempSync(join(tmpdir(), 'qb-backup-'));

function writeConfig(dir: string): string {
  const file = join(dir, 'gateway.json');
  const queue = { id: 'chat', name: 'Chat', officeId: 'lisbon', channel: 'chat', team: { name: 'Care', kind: 'in-house' } };
  writeFileSync(file, JSON.stringify({ version: 1, offices: [{ id: 'lisbon', name: 'Lisbon', timeZone: 'Europe/Lisbon', locale: 'pt-PT' }], queues: [queue] }));
  return file;
}

describe('online backup and restore', () => {
  it('backs up a running gateway’s store, refuses to restore over it while it runs, and restores into a new place intact', async () => {
    const dir = tempDir();
    const liveDir = join(dir, 'live');
    const original = openStore({ dataDir: liveDir, clock: { now: () => 1000 }, logger: silentLogger });
    fillStore(original);
    const expected = essentials(original);
    original.close();
    const gateway = await startGatewayProcess({ QUEUEBOARD_DATA_DIR: liveDir, QUEUEBOARD_CONFIG: writeConfig(dir), QUEUEBOARD_INGEST_KEY: KEY });
    running.push(gateway);
    // Written by the live gateway just before the backup: still in its WAL, not yet in the main file.
    const events = Array.from({ length: 50 }, (_, i) => ({ eventId: `live-${i}`, type: 'created', ticketId: `live-${i}`, queueId: 'chat', at: Date.now() - 1000 }));
    const answer = await fetch(`${gateway.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ events }),
    });
    expect(answer.status).toBe(200);

    const made = await npm('backup', join(dir, 'backups', 'queueboard-1.sqlite'), liveDir);
    expect(made).toMatchObject({ code: 0, stderr: '' });
    expect(made.stdout).toMatch(/^Backed up .*live to .*queueboard-1\.sqlite \(\d+ bytes, checked with quick_check\)\.\n$/);
    expect((await npm('backup', join(dir, 'backups', 'queueboard-1.sqlite'), liveDir)).stderr).toMatch(/already exists: name a new file/);

    const overLive = await npm('restore', join(dir, 'backups', 'queueboard-1.sqlite'), liveDir);
    expect(overLive.code).toBe(1);
    expect(overLive.stderr).toBe(`The database ${join(liveDir, 'queueboard.sqlite')} is in use by a running gateway: stop the gateway, then restore.\n`);

    const restoredDir = join(dir, 'restored');
    const restored = await npm('restore', join(dir, 'backups', 'queueboard-1.sqlite'), restoredDir);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    const store = openStore({ dataDir: restoredDir, clock: { now: () => 2000 }, logger: silentLogger });
    opened.push(store);
    expect(essentials(store)).toEqual({ ...expected, openTickets: expected.openTickets + 50 });
  });

  it('moves the store it replaces aside, and refuses a damaged backup without touching anything', async () => {
    const dir = tempDir();
    const backupDir = join(dir, 'source');
    storeFileWithData(backupDir);
    const backup = join(dir, 'good.sqlite');
    expect((await npm('backup', backup, backupDir)).code).toBe(0);
    const targetDir = join(dir, 'target');
    openStore({ dataDir: targetDir, clock: { now: () => 1 }, logger: silentLogger }).close();

    const restored = await npm('restore', backup, targetDir);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/The database it replaced is kept as .*queueboard\.sqlite\.before-restore-/);
    expect(readdirSync(targetDir).filter((name) => name.startsWith('queueboard.sqlite.before-restore-'))).toHaveLength(1);

    const damaged = join(dir, 'damaged.sqlite');
    const damagedDir = join(dir, 'damaged-source');
    const damagedFile = storeFileWithData(damagedDir);
    corruptMiddle(damagedFile);
    expect((await npm('backup', damaged, damagedDir)).stderr).toMatch(/^The copy of .* is damaged \(.*\), so the database itself is; nothing was written to .*damaged\.sqlite\. Stop the gateway and restore a backup/);
    const refused = await npm('restore', damagedFile, targetDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^The backup .* is damaged \(.*\): nothing was restored; choose another backup\.\n$/);
    const store = openStore({ dataDir: targetDir, clock: { now: () => 2 }, logger: silentLogger });
    opened.push(store);
    expect(essentials(store).thresholds).toHaveLength(1);
  });
});

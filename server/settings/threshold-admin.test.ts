import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HealthSettingsSchema, type ThresholdOverride } from '../../shared/health/threshold-model';
import type { ThresholdChangeInput, ThresholdState } from '../../shared/protocol/admin-protocol';
import { SaveThresholdsRequestSchema } from '../../shared/protocol/admin-protocol';
import { FakeTime } from '../../tests/support/fake-time';
import { silentLogger } from '../runtime/logger';
import { openStore, type GatewayStore } from '../store';
import { ThresholdAdmin } from './threshold-admin';

const stores: GatewayStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

function setup() {
  const time = new FakeTime(Date.UTC(2026, 10, 24, 9));
  const store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'qb-admin-')), clock: time, logger: silentLogger });
  stores.push(store);
  const applied: Array<{ overrides: readonly ThresholdOverride[]; state: ThresholdState }> = [];
  const admin = new ThresholdAdmin({
    store,
    health: HealthSettingsSchema.parse({ profiles: [{ id: 'night', name: 'Night', from: '22:00', to: '07:00' }] }),
    offices: new Set(['lisbon', 'amsterdam']),
    queues: new Set(['lis-chat-pt', 'lis-email-pt']),
    clock: time,
    applied: (overrides, state) => applied.push({ overrides, state }),
  });
  return { admin, store, applied, time };
}

const changes = (...list: ThresholdChangeInput[]) => SaveThresholdsRequestSchema.parse({ changes: list }).changes;
const chatBacklog = { scope: 'queue', scopeId: 'lis-chat-pt', metric: 'backlog' } as const;

describe('ThresholdAdmin', () => {
  it('saves several changes at once, audited, and applies the new overrides at once', () => {
    const { admin, applied, store } = setup();
    const result = admin.save(
      changes(
        { key: chatBacklog, value: { warning: 40, critical: 80 }, expectedVersion: null },
        { key: { scope: 'office', scopeId: 'lisbon', metric: 'slaAttainment', profile: 'night' }, value: { warning: 85, critical: 70, pendingSeconds: 300 }, expectedVersion: null },
      ),
      'Marta Silva',
    );
    expect(result).toEqual({ ok: true, revision: expect.any(Number), applied: 2 });
    expect(applied).toHaveLength(1);
    expect(applied[0]!.overrides).toEqual([
      { scope: 'office', scopeId: 'lisbon', metric: 'slaAttainment', profile: 'night', warning: 85, critical: 70, pendingSeconds: 300, recoverySeconds: null },
      { scope: 'queue', scopeId: 'lis-chat-pt', metric: 'backlog', profile: '', warning: 40, critical: 80, pendingSeconds: null, recoverySeconds: null },
    ]);
    expect(admin.state().overrides.map((o) => [o.metric, o.version, o.updatedBy])).toEqual([['slaAttainment', 1, 'Marta Silva'], ['backlog', 1, 'Marta Silva']]);
    expect(store.audit.list({ limit: 5 }).map((e) => [e.actor, e.action])).toEqual([['Marta Silva', 'threshold.put'], ['Marta Silva', 'threshold.put']]);
  });

  it('refuses the whole save when any change is invalid, naming each field, and applies nothing', () => {
    const { admin, applied } = setup();
    const result = admin.save(
      changes(
        { key: chatBacklog, value: { warning: 40, critical: 80 }, expectedVersion: null },
        { key: { scope: 'queue', scopeId: 'lis-chat-pt', metric: 'firstResponseP90' }, value: { warning: 600, critical: 300 }, expectedVersion: null },
        { key: { scope: 'queue', scopeId: 'porto-chat', metric: 'backlog' }, value: { warning: 1, critical: 2, pendingSeconds: 0 }, expectedVersion: null },
        { key: { scope: 'office', scopeId: 'lisbon', metric: 'backlog', profile: 'weekend' }, value: { warning: 1, critical: 2 }, expectedVersion: null },
      ),
      'Marta Silva',
    );
    expect(result).toEqual({
      ok: false,
      code: 'invalid',
      issues: [
        'changes[1].value.warning: warning (600) must be below critical (300) when higher-is-worse',
        'changes[2].value.pendingSeconds: must be at least 1 second',
        'changes[2].key.scopeId: "porto-chat" is not a configured queue',
        'changes[3].key.profile: "weekend" is not a configured profile (night)',
      ],
    });
    expect(admin.state().overrides).toEqual([]);
    expect(applied).toEqual([]);
  });

  it('detects a concurrent edit by version and never overwrites it', () => {
    const { admin } = setup();
    admin.save(changes({ key: chatBacklog, value: { warning: 40, critical: 80 }, expectedVersion: null }), 'Marta Silva');
    admin.save(changes({ key: chatBacklog, value: { warning: 45, critical: 80 }, expectedVersion: 1 }), 'João Reis');
    const stale = admin.save(changes({ key: chatBacklog, value: { warning: 50, critical: 90 }, expectedVersion: 1 }), 'Marta Silva');
    expect(stale).toEqual({
      ok: false,
      code: 'conflict',
      issues: ['threshold queue:lis-chat-pt/backlog was changed by someone else (now version 2); reload it and apply your change again'],
    });
    expect(admin.state().overrides[0]).toMatchObject({ warning: 45, version: 2, updatedBy: 'João Reis' });
    // Creating what already exists is a conflict too.
    expect(admin.save(changes({ key: chatBacklog, value: { warning: 1, critical: 2 }, expectedVersion: null }), 'Marta Silva')).toMatchObject({ code: 'conflict' });
  });

  it('reverts an audited change in one step, itself audited, and refuses to revert over a later change', () => {
    const { admin } = setup();
    admin.save(changes({ key: chatBacklog, value: { warning: 40, critical: 80 }, expectedVersion: null }), 'Marta Silva');
    admin.save(changes({ key: chatBacklog, value: { warning: 60, critical: 100 }, expectedVersion: 1 }), 'João Reis');
    const [second, first] = admin.auditList(10);
    expect(admin.revert(first!.id, 'Marta Silva')).toMatchObject({ ok: false, code: 'conflict' });
    expect(admin.revert(second!.id, 'Marta Silva')).toMatchObject({ ok: true, applied: 1 });
    expect(admin.state().overrides[0]).toMatchObject({ warning: 40, critical: 80, version: 3 });
    const [revert] = admin.auditList(1);
    expect(revert).toMatchObject({ actor: 'Marta Silva', action: 'threshold.revert', revertible: true, before: { warning: 60 }, after: { warning: 40 } });
    // Reverting the creation removes the override again.
    const { admin: fresh } = setup();
    fresh.save(changes({ key: chatBacklog, value: { warning: 40, critical: 80 }, expectedVersion: null }), 'Marta Silva');
    expect(fresh.revert(fresh.auditList(1)[0]!.id, 'Marta Silva')).toMatchObject({ ok: true });
    expect(fresh.state().overrides).toEqual([]);
    expect(fresh.revert(999, 'Marta Silva')).toEqual({ ok: false, code: 'not-found', issues: ['auditId: no audit entry 999'] });
  });

  it('exports a file that imports back to the same thresholds, and refuses a bad file whole', () => {
    const { admin } = setup();
    admin.save(
      changes(
        { key: chatBacklog, value: { warning: 40, critical: 80 }, expectedVersion: null },
        { key: { scope: 'default', scopeId: '', metric: 'agentsOnline' }, value: { warning: 3, critical: 1 }, expectedVersion: null },
      ),
      'Marta Silva',
    );
    const file = admin.exportFile();
    expect(file).toMatchObject({ format: 'queueboard-thresholds', version: 1, exportedAt: '2026-11-24T09:00:00.000Z' });
    const { admin: other } = setup();
    expect(other.importFile(JSON.parse(JSON.stringify(file)), 0, 'Marta Silva')).toMatchObject({ ok: true, applied: 2 });
    expect(other.exportFile().overrides).toEqual(file.overrides);
    // The same file again changes nothing.
    expect(other.importFile(file, other.state().revision, 'Marta Silva')).toMatchObject({ ok: true, applied: 0 });

    const queueOverride = file.overrides.find((o) => o.scope === 'queue')!;
    const bad = { ...file, overrides: [...file.overrides, { ...queueOverride, scopeId: 'porto-chat' }, { ...queueOverride, warning: -5 }] };
    expect(other.importFile(bad, other.state().revision, 'Marta Silva')).toEqual({
      ok: false,
      code: 'invalid',
      issues: ['file.overrides[3].warning: must be 0 or more'],
    });
    const unknownQueue = { ...file, overrides: [...file.overrides, { ...queueOverride, scopeId: 'porto-chat' }] };
    expect(other.importFile(unknownQueue, other.state().revision, 'Marta Silva')).toMatchObject({
      ok: false,
      issues: ['file.overrides[2].scopeId: "porto-chat" is not a configured queue'],
    });
    expect(other.importFile({ format: 'excel' }, 0, 'x')).toMatchObject({ ok: false, code: 'invalid', issues: expect.arrayContaining(['file.format: must be "queueboard-thresholds"']) });
    expect(other.importFile({ ...file, overrides: [] }, 0, 'Marta Silva')).toMatchObject({ ok: false, code: 'conflict' });
    expect(other.exportFile().overrides).toHaveLength(2);
  });

  it('answers "unavailable" without a database rather than pretending to save', () => {
    const admin = new ThresholdAdmin({
      store: null, health: HealthSettingsSchema.parse({}), offices: new Set(), queues: new Set(['lis-chat-pt']), clock: new FakeTime(0), applied: () => {},
    });
    expect(admin.save(changes({ key: chatBacklog, value: { warning: 1, critical: 2 }, expectedVersion: null }), 'x')).toMatchObject({ ok: false, code: 'unavailable' });
  });
});

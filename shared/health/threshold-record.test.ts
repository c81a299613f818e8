import { describe, expect, it } from 'vitest';
import { StoredOverrideSchema, ThresholdChangeSchema } from '../protocol/admin-protocol';
import { ThresholdOverrideSchema } from './threshold-model';
import { sameThresholdValue, thresholdKeyId, thresholdRecordOf, ThresholdKeySchema } from './threshold-record';

const record = { scope: 'queue', scopeId: 'lis-chat', metric: 'backlog', profile: '', warning: 50, critical: 80, pendingSeconds: null, recoverySeconds: 300 } as const;

describe('the threshold record, written once', () => {
  it('a stored override, a saved change and a file entry carry the same key and value', () => {
    const stored = StoredOverrideSchema.parse({ ...record, version: 3, updatedAt: 1, updatedBy: 'Bram de Vries' });
    expect(thresholdRecordOf(stored)).toEqual(record);
    const { key, value } = ThresholdChangeSchema.parse({ key: { scope: 'queue', scopeId: 'lis-chat', metric: 'backlog' }, value: { warning: 50, critical: 80, recoverySeconds: 300 }, expectedVersion: 3 });
    expect({ ...key, ...value }).toEqual(record);
    expect(ThresholdOverrideSchema.parse(record)).toEqual(record);
  });

  it('the override schema checks its key as the key schema does, with the same words', () => {
    const bad = { scope: 'queue', scopeId: 'Lisbon Chat', metric: 'backlog', profile: '' };
    const keyIssues = ThresholdKeySchema.safeParse(bad).error?.issues.map((i) => [i.path.join('.'), i.message]);
    const overrideIssues = ThresholdOverrideSchema.safeParse({ ...bad, warning: 1, critical: 2 }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(keyIssues).toEqual(overrideIssues);
  });

  it('one key id and one value comparison', () => {
    expect(thresholdKeyId(record)).toBe('queue|lis-chat|backlog|');
    expect(sameThresholdValue(record, { ...record, recoverySeconds: null })).toBe(false);
    expect(sameThresholdValue(record, { ...record })).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { thresholdKeyId as keyId } from '../../../shared/health/threshold-record';
import type { StoredOverride, ThresholdKey, ThresholdState } from '../../../shared/protocol/admin-protocol';
import { buildChanges, checkEdit, conflictingEdits, editedOverrides, rebaseEdits, resetToInherited, setField, setMany, type DraftEdit } from './threshold-draft';

const key = (scopeId: string, metric: ThresholdKey['metric'] = 'backlog'): ThresholdKey => ({ scope: 'queue', scopeId, metric, profile: '' });
const stored = (scopeId: string, version: number, over: Partial<StoredOverride> = {}): StoredOverride => ({
  ...key(scopeId),
  warning: 50,
  critical: 80,
  pendingSeconds: null,
  recoverySeconds: 300,
  version,
  updatedAt: 1,
  updatedBy: 'Bram de Vries',
  ...over,
});
const stateWith = (...overrides: StoredOverride[]): ThresholdState => ({ revision: 7, overrides, profiles: [], pendingSeconds: 120, recoverySeconds: 120 });
const edit = (fields: Partial<DraftEdit['fields']>, k = key('lis-chat'), baseVersion: number | null = null): DraftEdit => ({
  key: k,
  fields: { warning: '', critical: '', pending: '', ...fields },
  remove: false,
  baseVersion,
});

describe('checking an edit', () => {
  it('says warning must be below critical, naming the values and the direction', () => {
    expect(checkEdit(edit({ warning: '20', critical: '10' }))).toEqual({
      ok: false,
      problems: [{ field: 'warning', message: 'warning (20) must be below critical (10) because a higher backlog is worse' }],
    });
  });

  it('says it the other way round for lower-is-worse metrics', () => {
    const check = checkEdit(edit({ warning: '80', critical: '90' }, key('lis-chat', 'slaAttainment')));
    expect(check.ok ? [] : check.problems.map((p) => p.message)).toEqual(['warning (80) must be above critical (90) because a lower sla attainment is worse']);
  });

  it('takes minutes or h/m for time metrics and speaks durations in its messages', () => {
    expect(checkEdit(edit({ warning: '5', critical: '1h', pending: '90s' }, key('lis-chat', 'oldestWaitingSeconds')))).toEqual({
      ok: true,
      value: { warning: 300, critical: 3600, pendingSeconds: 90 },
    });
    const check = checkEdit(edit({ warning: '20', critical: '10' }, key('lis-chat', 'oldestWaitingSeconds')));
    expect(check.ok ? [] : check.problems.map((p) => p.message)).toEqual(['warning (20m) must be below critical (10m) because a higher oldest waiting is worse']);
  });

  it('names negative levels and pending periods out of range by field', () => {
    const check = checkEdit(edit({ warning: '-1', critical: '10', pending: '2d' }));
    expect(check.ok ? [] : check.problems).toEqual([
      { field: 'warning', message: 'warning: must be 0 or more' },
      { field: 'pending', message: 'pending: must be at most 24 hours (86400 seconds)' },
    ]);
  });
});

describe('building a save', () => {
  it('sends each real change with the version editing started from, keeping the recovery period', () => {
    const state = stateWith(stored('lis-chat', 3));
    let draft = setField({}, key('lis-chat'), 'warning', '60', { warning: '50', critical: '80', pending: '' }, 3);
    draft = setMany(draft, [key('ams-chat'), key('ams-chat-de')], { warning: '100', critical: '140', pending: '3' }, () => null);
    // An edit that does not pass the checks is never sent.
    draft = setMany(draft, [key('lis-chat', 'slaAttainment')], { warning: '80', critical: '90', pending: '' }, () => null);
    expect(buildChanges(draft, state)).toEqual([
      { key: key('lis-chat'), value: { warning: 60, critical: 80, pendingSeconds: null, recoverySeconds: 300 }, expectedVersion: 3 },
      { key: key('ams-chat'), value: { warning: 100, critical: 140, pendingSeconds: 180, recoverySeconds: null }, expectedVersion: null },
      { key: key('ams-chat-de'), value: { warning: 100, critical: 140, pendingSeconds: 180, recoverySeconds: null }, expectedVersion: null },
    ]);
  });

  it('leaves out edits that change nothing, and removes an override on reset to inherited', () => {
    const state = stateWith(stored('lis-chat', 3));
    const unchanged = setField({}, key('lis-chat'), 'warning', '50', { warning: '50', critical: '80', pending: '' }, 3);
    expect(buildChanges(unchanged, state)).toEqual([]);
    const reset = resetToInherited({}, key('lis-chat'), state.overrides[0]);
    expect(buildChanges(reset, state)).toEqual([{ key: key('lis-chat'), value: null, expectedVersion: 3 }]);
    expect(editedOverrides(state, reset)).toEqual([]);
    // Resetting a row that was never saved just forgets the edit.
    expect(resetToInherited(setField({}, key('ams-chat'), 'warning', '1', { warning: '', critical: '', pending: '' }, null), key('ams-chat'), undefined)).toEqual({});
  });
});

describe('changes underneath', () => {
  it('marks edits whose key another manager saved since, and keeps them until the manager decides', () => {
    const draft = setField({}, key('lis-chat'), 'warning', '60', { warning: '50', critical: '80', pending: '' }, 3);
    expect(conflictingEdits(draft, stateWith(stored('lis-chat', 3))).size).toBe(0);
    const theirs = stateWith(stored('lis-chat', 4, { warning: 70 }));
    expect([...conflictingEdits(draft, theirs)]).toEqual([keyId(key('lis-chat'))]);
    const kept = rebaseEdits(draft, conflictingEdits(draft, theirs), theirs);
    expect(buildChanges(kept, theirs)[0]!.expectedVersion).toBe(4);
  });
});

describe('problems in the manager’s language', () => {
  const pt = createI18n('pt');
  const nl = createI18n('nl');
  const tPt = (k: string, v?: Record<string, unknown>) => pt.t(k, v);
  const tNl = (k: string, v?: Record<string, unknown>) => nl.t(k, v);

  it('words the order rule from the catalogue, beside the warning field', () => {
    expect(checkEdit(edit({ warning: '20', critical: '10' }), tPt)).toEqual({
      ok: false,
      problems: [{ field: 'warning', message: 'o aviso (20) tem de ser inferior ao crítico (10): quanto maior o backlog, pior' }],
    });
    const check = checkEdit(edit({ warning: '80', critical: '90' }, key('lis-chat', 'slaAttainment')), tNl);
    expect(check.ok ? [] : check.problems).toEqual([
      { field: 'warning', message: 'waarschuwing (80) moet boven kritiek (90) liggen: hoe lager de SLA-naleving, hoe slechter' },
    ]);
  });

  it('puts range and input problems against their fields, translated', () => {
    const check = checkEdit(edit({ warning: '-1', critical: '10', pending: '2d' }), tPt);
    expect(check.ok ? [] : check.problems).toEqual([
      { field: 'warning', message: 'aviso: tem de ser 0 ou mais' },
      { field: 'pending', message: 'tempo de confirmação: tem de ser no máximo 24 horas (86400 segundos)' },
    ]);
    const typed = checkEdit(edit({ warning: '', critical: 'veel', pending: 'straks' }), tNl);
    expect(typed.ok ? [] : typed.problems).toEqual([
      { field: 'warning', message: 'waarschuwing: is verplicht' },
      { field: 'critical', message: 'kritiek: ‘veel’ is geen getal' },
      { field: 'pending', message: 'bevestigingstijd: ‘straks’ is geen duur; typ minuten (2) of bijvoorbeeld 1m 30s' },
    ]);
  });
});

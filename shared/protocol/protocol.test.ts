import { describe, expect, it } from 'vitest';
import { AcknowledgeRequestSchema, PROTOCOL_VERSION, SnapshotSchema, SnoozeRequestSchema, UpdateSchema } from './protocol';
import { parseWith } from './validation';
import { EMPTY_METRICS } from '../metrics';

const snapshot = {
  protocol: PROTOCOL_VERSION,
  serverTime: 1_700_000_000_000,
  seq: 0,
  offices: [{ id: 'lisbon', name: 'Lisbon', timeZone: 'Europe/Lisbon', locale: 'pt-PT' }],
  queues: [{ id: 'lis-chat', name: 'Chat', officeId: 'lisbon', channel: 'chat', team: { name: 'Core', kind: 'in-house' } }],
  states: [
    {
      queueId: 'lis-chat',
      metrics: { ...EMPTY_METRICS, backlog: 4, firstResponseP90: 75, resolutionP90: 1200, slaAttainment: 97.5 },
      health: { status: 'ok', metrics: { backlog: 'ok', firstResponseP90: 'ok', resolutionP90: 'ok', slaAttainment: 'ok' }, stale: null, atRisk: null },
      updatedAt: 1_700_000_000_000,
    },
  ],
  alerts: [
    {
      id: 'a-1', queueId: 'lis-chat', kind: 'threshold', metric: 'backlog', level: 'critical', value: 160, threshold: 150,
      projectedMinutes: null, openedAt: 1_700_000_000_000, resolvedAt: null, resolution: null,
      acknowledged: { by: 'Ana', at: 1_700_000_001_000, note: 'calling in the evening shift' }, snoozed: null,
    },
  ],
};

describe('protocol schemas', () => {
  it('accept a well-formed snapshot', () => {
    expect(parseWith(SnapshotSchema, snapshot)).toEqual({ ok: true, value: snapshot });
  });

  it('name every bad field of a malformed snapshot', () => {
    const bad = structuredClone(snapshot) as Record<string, unknown> & typeof snapshot;
    bad.offices[0]!.timeZone = 'Mars/Olympus';
    (bad.states[0]!.metrics as Record<string, unknown>).backlog = -3;
    (bad.states[0]!.metrics as Record<string, unknown>).slaAttainment = 120;
    (bad as Record<string, unknown>).protocol = 99;
    const result = parseWith(SnapshotSchema, bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^protocol: /),
        'offices[0].timeZone: must be an IANA time zone such as Europe/Lisbon',
        'states[0].metrics.backlog: must be 0 or more',
        'states[0].metrics.slaAttainment: must be at most 100',
      ]),
    );
  });

  it('name the field of a bad command', () => {
    expect(parseWith(SnoozeRequestSchema, { alertId: 'a-1', until: 'tomorrow' })).toEqual({ ok: false, issues: ['until: Invalid input: expected number, received string'] });
    expect(parseWith(AcknowledgeRequestSchema, { alertId: 'a-1', note: 'x'.repeat(501) })).toEqual({ ok: false, issues: ['note: must be at most 500 characters'] });
    expect(parseWith(AcknowledgeRequestSchema, { alertId: 'a-1', admin: true }).ok).toBe(false);
  });

  it('say a missing field is required', () => {
    const { states: _states, ...withoutStates } = snapshot;
    expect(parseWith(SnapshotSchema, withoutStates)).toEqual({ ok: false, issues: ['states: is required (array)'] });
  });

  it('reject an empty update and a duration given in milliseconds', () => {
    expect(parseWith(UpdateSchema, { serverTime: 1, seq: 1, changes: [] })).toEqual({ ok: false, issues: ['(root): must carry at least one change or alert'] });
    expect(parseWith(UpdateSchema, { serverTime: 1, seq: 1, changes: [], alerts: snapshot.alerts }).ok).toBe(true);
    const ms = parseWith(UpdateSchema, {
      serverTime: 1,
      seq: 1,
      changes: [{ queueId: 'lis-chat', metrics: { firstResponseP90: 90_000_000_000 } }],
    });
    expect(ms).toEqual({ ok: false, issues: ['changes[0].metrics.firstResponseP90: must be at most a year, in seconds'] });
  });
});

import { describe, expect, it } from 'vitest';
import { parseWith } from '../protocol/validation';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  DESK_IPC_CHANNELS,
  DESK_IPC_EVENTS,
  NotificationSettingsSchema,
  PinsStateSchema,
  SetPinnedRequestSchema,
  TransitionSchema,
  TrayStatusSchema,
} from './desk-contract';
import { IPC_CHANNELS, IPC_EVENTS, IPC_PREFIX } from './ipc-contract';

const transition = {
  alertId: '01JD3Q7-critical-frt',
  queueId: 'lis-chat-pt',
  queueName: 'Chat Portugal',
  officeName: 'Lisbon',
  kind: 'at-risk',
  level: 'warning',
  metricLabel: 'Backlog',
  valueText: '42',
  projectedMinutes: 12.5,
  at: 1_764_000_000_000,
};

describe('desk IPC contract', () => {
  it('every desk channel and event carries the queueboard: prefix and is part of the one contract', () => {
    for (const name of [...Object.keys(DESK_IPC_CHANNELS), ...Object.keys(DESK_IPC_EVENTS)]) expect(name.startsWith(IPC_PREFIX)).toBe(true);
    expect(Object.keys(IPC_CHANNELS)).toEqual(expect.arrayContaining(Object.keys(DESK_IPC_CHANNELS)));
    expect(Object.keys(IPC_EVENTS)).toEqual(expect.arrayContaining(Object.keys(DESK_IPC_EVENTS)));
  });

  it('accepts a transition as the desk view sends it', () => {
    expect(parseWith(TransitionSchema, transition)).toEqual({ ok: true, value: transition });
  });

  it.each([
    [{ ...transition, kind: 'recovered' }, 'kind'],
    [{ ...transition, level: 'ok' }, 'level'],
    [{ ...transition, queueId: 'Chat Portugal' }, 'queueId'],
    [{ ...transition, projectedMinutes: -1 }, 'projectedMinutes'],
    [{ ...transition, at: '2026-11-24T12:00:00Z' }, 'at'],
    [{ ...transition, alertId: '' }, 'alertId'],
  ])('refuses a transition with a bad %s, naming the field', (bad, field) => {
    const parsed = parseWith(TransitionSchema, bad);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.issues).toEqual([expect.stringMatching(new RegExp(`^${field}: `))]);
  });

  it('pins: queue ids are slugs, alert ids are opaque but bounded', () => {
    expect(parseWith(SetPinnedRequestSchema, { kind: 'alert', id: '01JD3Q7 critical', pinned: true }).ok).toBe(true);
    expect(parseWith(SetPinnedRequestSchema, { kind: 'queue', id: '01JD3Q7 critical', pinned: true }).ok).toBe(false);
    expect(parseWith(SetPinnedRequestSchema, { kind: 'alert', id: 'x'.repeat(129), pinned: true }).ok).toBe(false);
    expect(parseWith(PinsStateSchema, { pins: [], notice: null }).ok).toBe(true);
  });

  it('tray status: whole, non-negative counts for every status', () => {
    const counts = { ok: 1, warning: 0, critical: 2, stale: 0, 'no-data': 0 };
    expect(parseWith(TrayStatusSchema, { worst: 'critical', counts }).ok).toBe(true);
    expect(parseWith(TrayStatusSchema, { worst: 'critical', counts: { ...counts, ok: 1.5 } }).ok).toBe(false);
    expect(parseWith(TrayStatusSchema, { worst: 'critical', counts: { ok: 1 } })).toMatchObject({ ok: false, issues: expect.arrayContaining([expect.stringMatching(/^counts\.warning: is required/)]) });
  });

  it('notification settings: quiet hours off by default, times written HH:MM', () => {
    expect(DEFAULT_NOTIFICATION_SETTINGS.quietHours.enabled).toBe(false);
    expect(parseWith(NotificationSettingsSchema, DEFAULT_NOTIFICATION_SETTINGS).ok).toBe(true);
    for (const end of ['24:00', '7:00', '07:60', '']) {
      const parsed = parseWith(NotificationSettingsSchema, { ...DEFAULT_NOTIFICATION_SETTINGS, quietHours: { ...DEFAULT_NOTIFICATION_SETTINGS.quietHours, end } });
      expect(parsed).toMatchObject({ ok: false, issues: [expect.stringMatching(/^quietHours\.end: must be a time of day written HH:MM/)] });
    }
  });
});

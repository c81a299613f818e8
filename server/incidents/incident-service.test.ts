import { describe, expect, it } from 'vitest';
import { ThresholdIndex } from '../../shared/health/threshold-model';
import type { Incident } from '../../shared/protocol/incident-protocol';
import { OpenIncidentRequestSchema } from '../../shared/protocol/incident-protocol';
import { parseWith } from '../../shared/protocol/validation';
import { FakeTime } from '../../tests/support/fake-time';
import { AlertManager } from '../alerts/alert-manager';
import type { QueueVerdict } from '../health/health-tracker';
import { withIncidentTimeline } from './incident-alerts';
import { IncidentService } from './incident-service';
import { MemoryIncidentStore } from './incident-store';

const rules = new ThresholdIndex([]).resolve({ id: 'chat', officeId: 'lisbon', channel: 'chat' }, null);
const critical: QueueVerdict = {
  health: { status: 'critical', metrics: {}, stale: null, atRisk: null },
  metrics: { backlog: { level: 'critical', value: 160, rule: rules.backlog!.rule } },
  atRisk: null,
  stale: false,
  rules,
};
const QUEUES = new Map([['chat', { name: 'Chat' }], ['email', { name: 'Email' }], ['phone', { name: 'Phone' }]]);

function setup(store = new MemoryIncidentStore()) {
  const time = new FakeTime(Date.UTC(2026, 11, 7, 12));
  const sent: Incident[][] = [];
  let n = 0;
  const incidents = new IncidentService({ store, queues: QUEUES, clock: time, newId: () => `inc-${++n}`, changed: (open) => sent.push([...open]) });
  let a = 0;
  const alerts = new AlertManager({ persistence: withIncidentTimeline(null, incidents), newId: () => `alert-${++a}`, incidentOf: (q) => incidents.incidentOf(q) });
  return { time, incidents, alerts, sent, store };
}

describe('IncidentService', () => {
  it('refuses an unknown queue, a queue named twice and one already in an open incident, naming the field', () => {
    const { incidents } = setup();
    expect(incidents.openIncident({ title: 'Outage', queueIds: ['chat', 'nope', 'chat'] }, 'Ana')).toEqual({
      ok: false,
      code: 'invalid',
      issues: ['queueIds[1]: no queue "nope" on this gateway (queues: chat, email, phone)', 'queueIds[2]: "chat" is named twice'],
    });
    expect(incidents.openIncident({ title: 'Outage', queueIds: ['chat'] }, 'Ana')).toMatchObject({ ok: true });
    expect(incidents.openIncident({ title: 'Other', queueIds: ['email', 'chat'] }, 'Bram')).toEqual({
      ok: false,
      code: 'conflict',
      issues: ['queueIds[1]: "chat" is already in the open incident "Outage"; close that one or leave the queue out'],
    });
  });

  it('refuses a title over the limit and an empty one, naming the field and the rule', () => {
    const long = parseWith(OpenIncidentRequestSchema, { title: 'x'.repeat(33), queueIds: ['chat'] });
    expect(long).toEqual({ ok: false, issues: ['title: must be at most 32 characters (it is shown on the wall tiles)'] });
    expect(parseWith(OpenIncidentRequestSchema, { title: '   ', queueIds: [] })).toEqual({
      ok: false,
      issues: ['title: must not be empty', 'queueIds: must name at least one affected queue'],
    });
  });

  it('groups alerts opened on affected queues while open, records acknowledgements, and stops at close', () => {
    const { time, incidents, alerts, sent } = setup();
    alerts.observe('phone', critical, time.now()); // before the incident: not part of it
    const opened = incidents.openIncident({ title: 'Payments down', queueIds: ['chat', 'email'] }, 'Ana');
    expect(opened.ok && opened.incident).toMatchObject({ id: 'inc-1', openedBy: 'Ana', closedAt: null });
    expect(sent).toEqual([[expect.objectContaining({ id: 'inc-1' })]]);
    time.advance(60_000);
    alerts.observe('chat', critical, time.now());
    alerts.observe('email', critical, time.now());
    alerts.observe('phone', critical, time.now());
    const byQueue = Object.fromEntries(alerts.openAlerts().map((alert) => [alert.queueId, alert]));
    expect(byQueue.chat!.incidentId).toBe('inc-1');
    expect(byQueue.email!.incidentId).toBe('inc-1');
    expect(byQueue.phone!.incidentId).toBeUndefined();
    time.advance(30_000);
    alerts.acknowledge({ alertId: byQueue.chat!.id, note: 'two agents moved' }, 'Bram', time.now());
    alerts.acknowledge({ alertId: byQueue.phone!.id }, 'Bram', time.now());
    incidents.recordBroadcast({ id: 'b-1', actor: 'Marta', at: time.now(), text: 'Card payments failing', severity: 'critical', queueIds: ['email'] });
    incidents.recordBroadcast({ id: 'b-2', actor: 'Marta', at: time.now(), text: 'Phones only', severity: 'info', queueIds: ['phone'] });
    time.advance(30_000);
    expect(incidents.closeIncident({ incidentId: 'inc-1' }, 'Ana')).toMatchObject({ ok: true, incident: { closedBy: 'Ana', closedAt: time.now() } });
    expect(sent.at(-1)).toEqual([]);
    // After the close, nothing joins it: a new alert on chat is on its own.
    alerts.observe('chat', { ...critical, metrics: { backlog: { ...critical.metrics.backlog!, level: 'ok', value: 10 } } }, time.now());
    alerts.observe('chat', critical, time.now());
    expect(alerts.openAlerts().find((alert) => alert.queueId === 'chat')!.incidentId).toBeUndefined();

    const answer = incidents.timeline({ incidentId: 'inc-1', language: 'en' });
    if (!answer.ok) throw new Error(answer.issues.join());
    expect(answer.timeline.entries.map((entry) => entry.kind)).toEqual(['opened', 'alert', 'alert', 'acknowledged', 'broadcast', 'closed']);
    expect(answer.text).toBe(
      [
        'Incident: Payments down',
        'Affected queues: Chat, Email',
        '',
        '2026-12-07T12:00:00.000Z  Opened by Ana',
        '2026-12-07T12:01:00.000Z  Alert on Chat: Backlog Critical, 160 (threshold 150)',
        '2026-12-07T12:01:00.000Z  Alert on Email: Backlog Critical, 160 (threshold 150)',
        '2026-12-07T12:01:30.000Z  Acknowledged by Bram (Chat): two agents moved',
        '2026-12-07T12:01:30.000Z  Broadcast by Marta (critical): Card payments failing',
        '2026-12-07T12:02:00.000Z  Closed by Ana',
        '',
      ].join('\n'),
    );
    const pt = incidents.timeline({ incidentId: 'inc-1', language: 'pt' });
    expect(pt.ok && pt.text.split('\n')[3]).toBe('2026-12-07T12:00:00.000Z  Aberto por Ana');
  });

  it('answers a closed or unknown incident with what happened to it; listeners hear each open and close once', () => {
    const { incidents } = setup();
    const heard: string[] = [];
    const stop = incidents.subscribe((event) => heard.push(`${event.kind} ${event.incident.id} ${event.incident.closedBy ?? event.incident.openedBy}`));
    incidents.openIncident({ title: 'Outage', queueIds: ['chat'] }, 'Ana');
    incidents.closeIncident({ incidentId: 'inc-1' }, 'Bram');
    expect(incidents.closeIncident({ incidentId: 'inc-1' }, 'Ana')).toEqual({ ok: false, code: 'conflict', issues: ['incidentId: the incident "Outage" was already closed by Bram'] });
    expect(heard).toEqual(['opened inc-1 Ana', 'closed inc-1 Bram']);
    stop();
    incidents.openIncident({ title: 'Later', queueIds: ['chat'] }, 'Ana');
    expect(heard).toHaveLength(2);
    expect(incidents.closeIncident({ incidentId: 'inc-9' }, 'Ana')).toEqual({ ok: false, code: 'not-found', issues: ['incidentId: no open incident "inc-9"'] });
    expect(incidents.timeline({ incidentId: 'inc-9', language: 'en' })).toEqual({ ok: false, code: 'not-found', issues: ['incidentId: no incident "inc-9" on this gateway'] });
  });

  it('restores open incidents and the alerts their timelines hold, so an alert saved again is not a second entry', () => {
    const first = setup();
    first.incidents.openIncident({ title: 'Outage', queueIds: ['chat'] }, 'Ana');
    first.alerts.observe('chat', critical, first.time.now());
    const again = setup(first.store);
    expect(again.incidents.restore()).toBe(1);
    expect(again.incidents.incidentOf('chat')).toBe('inc-1');
    const [alert] = first.alerts.openAlerts();
    again.incidents.alertSaved({ ...alert!, level: 'critical' });
    const answer = again.incidents.timeline({ incidentId: 'inc-1', language: 'en' });
    expect(answer.ok && answer.timeline.entries.map((entry) => entry.kind)).toEqual(['opened', 'alert']);
  });
});

import { describe, expect, it } from 'vitest';
import { FakeTime } from '../../tests/support/fake-time';
import { LISBON_OFFICE } from '../../tests/support/one-office';
import { WebhookTargetSchema, WebhooksSettingsSchema } from '../config/webhooks-config';
import type { LogFields, Logger } from '../runtime/logger';
import { MetricsRegistry } from '../runtime/prometheus';
import { MemoryDeadLetters } from './dead-letters';
import type { AttemptResult } from './delivery/webhook-sender';
import { Notifier } from './notifier';
import type { OutboundEvent, OutboundEventInput } from './outbound-event';
import type { ResolvedWebhookTarget } from './webhook-targets';

const T0 = Date.parse('2026-12-07T12:00:00Z'); // 12:00 in Lisbon (WET, UTC+0)
const queues = [
  { id: 'chat', name: 'Chat', officeId: 'lisbon', channel: 'chat' as const, team: { name: 'Care', kind: 'in-house' as const } },
  { id: 'mail', name: 'Mail', officeId: 'lisbon', channel: 'email' as const, team: { name: 'Care', kind: 'in-house' as const } },
];
const groups = [{ id: 'social', name: 'Social', queueIds: ['chat'] }];

function target(over: Record<string, unknown> = {}): ResolvedWebhookTarget {
  const parsed = WebhookTargetSchema.parse({ id: 'ops', format: 'slack', urlEnv: 'X', routes: [{ minSeverity: 'info' }], ...over });
  return { ...parsed, url: 'https://hooks.example.com/services/SECRET', secret: null, quietHours: parsed.quietHours ? { ...parsed.quietHours, officeId: parsed.quietHours.officeId } : null };
}

function setup(targets: ResolvedWebhookTarget[], answers: Array<AttemptResult | ((event: OutboundEvent) => AttemptResult)> = [], retry: Record<string, unknown> = {}) {
  const time = new FakeTime(T0);
  const sent: Array<{ target: string; event: string; at: number }> = [];
  const logs: Array<{ level: string; message: string; fields?: LogFields }> = [];
  const logger: Logger = Object.fromEntries(['debug', 'info', 'warn', 'error'].map((level) => [level, (message: string, fields?: LogFields) => logs.push({ level, message, fields })])) as unknown as Logger;
  const deadLetters = new MemoryDeadLetters();
  const registry = new MetricsRegistry();
  const notifier = new Notifier({
    targets,
    settings: WebhooksSettingsSchema.parse({ retry: { maxAttempts: 4, initialDelaySeconds: 1, maxDelaySeconds: 60, ...retry }, deadLetterLimit: 3 }),
    offices: [LISBON_OFFICE],
    queues,
    groups,
    clock: time,
    timers: time,
    fetch: () => Promise.reject(new Error('no network in this test')),
    random: () => 0.5,
    logger,
    deadLetters,
    registry,
    send: async (t, event) => {
      sent.push({ target: t.id, event: event.id, at: time.monotonic() - T0 });
      const answer = answers.shift() ?? { ok: true, status: 200 };
      return typeof answer === 'function' ? answer(event) : answer;
    },
  });
  return { time, sent, logs, deadLetters, registry, notifier };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
let seq = 0;
function alertEvent(over: Partial<OutboundEventInput> = {}, queueId = 'chat'): OutboundEventInput {
  seq += 1;
  return {
    id: `e${seq}`, kind: 'alert', severity: 'critical', at: T0, queueIds: [queueId],
    alert: { id: `a${seq}`, queueId, alertKind: 'threshold', metric: 'backlog', level: 'critical', value: 250, threshold: 200 },
    ...over,
  } as OutboundEventInput;
}
const retryable = (error = 'HTTP 503', retryAfterMs: number | null = null): AttemptResult => ({ ok: false, permanent: false, retryAfterMs, error });

describe('routing', () => {
  it('sends an event to the targets whose routes take it: group, kind and minimum severity', async () => {
    const { notifier, sent } = setup([
      target({ id: 'social', routes: [{ groups: ['social'], minSeverity: 'warning' }] }),
      target({ id: 'critical-only', routes: [{}] }),
      target({ id: 'incidents', routes: [{ kinds: ['incident', 'broadcast'], minSeverity: 'info' }] }),
    ]);
    notifier.notify(alertEvent({ severity: 'warning' }, 'chat'));
    notifier.notify(alertEvent({ severity: 'critical' }, 'mail'));
    notifier.notify({ id: 'b1', kind: 'broadcast', severity: 'warning', at: T0, broadcast: { id: 'b1', action: 'posted', text: 'Fire drill at 15:00', by: 'Marta', endsAt: null } });
    // A broadcast to every screen names no queue: it concerns the whole floor, so the social route takes it too.
    await settle();
    expect(sent.map((s) => `${s.target}:${s.event}`).sort()).toEqual(['critical-only:e2', 'incidents:b1', 'social:b1', 'social:e1'].sort());
  });

  it('refuses an event that breaks the contract, naming the field, and counts it', async () => {
    const { notifier, sent, logs, registry } = setup([target()]);
    notifier.notify({ ...alertEvent(), severity: 'loud' } as unknown as OutboundEventInput);
    await settle();
    expect(sent).toEqual([]);
    expect(logs.find((l) => l.level === 'error')?.fields?.issues).toMatch(/^severity: Invalid option/);
    expect(registry.render()).toContain('queueboard_webhook_events_invalid_total 1');
  });
});

describe('quiet hours', () => {
  it('drop non-critical events in the office time zone and let critical ones through', async () => {
    // 12:00 in Lisbon: quiet from 11:30 to 13:00.
    const { notifier, sent, registry, time } = setup([target({ quietHours: { start: '11:30', end: '13:00' } })]);
    notifier.notify(alertEvent({ severity: 'warning' }));
    notifier.notify(alertEvent({ severity: 'critical' }));
    await settle();
    expect(sent.map((s) => s.event)).toEqual([`e${seq}`]);
    expect(registry.render()).toContain('queueboard_webhook_events_total{outcome="quiet-hours",target="ops"} 1');
    time.advance(61 * 60_000); // 13:01: quiet hours are over
    notifier.notify(alertEvent({ severity: 'warning' }));
    await settle();
    expect(sent).toHaveLength(2);
  });
});

describe('delivery', () => {
  it('retries a 5xx with full-jitter backoff on the timers, then delivers', async () => {
    const { notifier, sent, time, registry } = setup([target()], [retryable(), retryable(), retryable()]);
    notifier.notify(alertEvent());
    await settle();
    // random() = 0.5: waits of 500 ms, 1 s, 2 s (half of 1 s × 2^(n−1)).
    for (const wait of [499, 1, 999, 1, 1999, 1]) {
      time.advance(wait);
      await settle();
    }
    expect(sent.map((s) => s.at)).toEqual([0, 500, 1500, 3500]);
    expect(registry.render()).toContain('queueboard_webhook_attempts_total{result="retry",target="ops"} 3');
    expect(registry.render()).toContain('queueboard_webhook_attempts_total{result="delivered",target="ops"} 1');
  });

  it("honours Retry-After over the backoff, and a wall-clock step does not move the wait", async () => {
    const { notifier, sent, time } = setup([target()], [retryable('HTTP 429: rate_limited', 30_000)]);
    notifier.notify(alertEvent());
    await settle();
    time.stepWall(-3_600_000);
    time.advance(29_999);
    await settle();
    expect(sent).toHaveLength(1);
    time.advance(1);
    await settle();
    expect(sent.map((s) => s.at)).toEqual([0, 30_000]);
  });

  it('holds the events behind a failing one, and keeps their order', async () => {
    const { notifier, sent, time } = setup([target()], [retryable()]);
    notifier.notify(alertEvent());
    notifier.notify(alertEvent());
    await settle();
    expect(sent.map((s) => s.event)).toEqual([`e${seq - 1}`]);
    time.advance(500);
    await settle();
    expect(sent.map((s) => s.event)).toEqual([`e${seq - 1}`, `e${seq - 1}`, `e${seq}`]);
  });

  it('gives up after maxAttempts into the dead-letter list with the last error; a refusal goes there at once', async () => {
    const { notifier, sent, time, deadLetters } = setup([target()], [retryable('HTTP 500: rollup_error'), retryable(), retryable(), retryable('HTTP 502: bad gateway'), { ok: false, permanent: true, retryAfterMs: null, error: 'HTTP 404: no_service' }]);
    notifier.notify(alertEvent());
    notifier.notify(alertEvent());
    for (let i = 0; i < 10; i++) {
      time.advance(60_000);
      await settle();
    }
    expect(sent).toHaveLength(5);
    expect(deadLetters.list(10).map((d) => [d.event.id, d.attempts, d.lastError])).toEqual([
      [`e${seq}`, 1, 'HTTP 404: no_service'],
      [`e${seq - 1}`, 4, 'HTTP 502: bad gateway'],
    ]);
    expect(notifier.deadLetterList(10).total).toBe(2);
  });

  it('bounds the queue (the oldest waiting event is dead-lettered) and the dead-letter list (the oldest goes)', async () => {
    const { notifier, time, deadLetters } = setup([target({ queueSize: 2 })], [retryable(null as never, 60_000)]);
    for (let i = 0; i < 6; i++) notifier.notify(alertEvent());
    await settle();
    // One in flight stays; each push past two waiting pushes out the oldest waiting: 4 overflowed, limit 3 kept.
    expect(deadLetters.count()).toBe(3);
    expect(deadLetters.list(3).every((d) => d.lastError.startsWith('queue full: 2 events'))).toBe(true);
    time.advance(60_000);
    await settle();
  });

  it('sends a dead letter again on retry, and forgets one on delete', async () => {
    const { notifier, sent, deadLetters } = setup([target()], [{ ok: false, permanent: true, retryAfterMs: null, error: 'HTTP 400: invalid_blocks' }, { ok: false, permanent: true, retryAfterMs: null, error: 'HTTP 400: invalid_blocks' }]);
    notifier.notify(alertEvent());
    notifier.notify(alertEvent());
    await settle();
    const [newest, oldest] = notifier.deadLetterList(10).entries;
    expect(notifier.retry(oldest!.id, 'Marta')).toEqual({ ok: true, targetId: 'ops' });
    await settle();
    expect(sent.map((s) => s.event)).toEqual([`e${seq - 1}`, `e${seq}`, `e${seq - 1}`]);
    expect(notifier.remove(newest!.id, 'Marta')).toEqual({ ok: true, targetId: 'ops' });
    expect(deadLetters.count()).toBe(0);
    expect(notifier.remove(newest!.id, 'Marta')).toEqual({ ok: false, code: 'not-found', issues: [`id: no failed delivery ${newest!.id}; it may have been retried or deleted already`] });
  });

  it('puts what still waits in the dead-letter list when it stops', async () => {
    const { notifier, deadLetters } = setup([target()], [retryable()]);
    notifier.notify(alertEvent());
    await settle();
    notifier.stop();
    expect(deadLetters.list(1)[0]).toMatchObject({ attempts: 1, lastError: 'the gateway stopped before it was delivered' });
  });
});

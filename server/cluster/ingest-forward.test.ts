import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../shared/ingest';
import { createIngestApplier, type ApplyIngest } from '../ingest/ingest-apply';
import type { IngestSink } from '../ingest/ingest-api';
import type { IngestGrant } from '../ingest/ingest-keys';
import type { Logger } from '../runtime/logger';
import { MetricsRegistry } from '../runtime/prometheus';
import { IngestForwarding, type IngestBus } from './ingest-forward';

/** Gateways on one bus: an emit reaches every other member, a turn later, as PUB/SUB does; `drop` loses what is sent. */
function bus() {
  const members: Array<{ self: IngestBus; listeners: Map<string, (text: string) => void> }> = [];
  const sent: string[] = [];
  const state = { drop: false };
  const member = (): IngestBus => {
    const listeners = new Map<string, (text: string) => void>();
    const self: IngestBus = {
      on: (event, listener) => listeners.set(event, listener),
      serverSideEmit: (event, text) => {
        sent.push(event);
        if (state.drop) return;
        for (const other of members) if (other.self !== self) queueMicrotask(() => other.listeners.get(event)?.(text));
      },
    };
    members.push({ self, listeners });
    return self;
  };
  return { member, sent, state };
}

/** A log that remembers each event id per source, as the store's idempotency keys do. */
function idempotentSink(): IngestSink & { applied: TicketEvent[] } {
  const seen = new Set<string>();
  const applied: TicketEvent[] = [];
  return {
    applied,
    ingestEvents(sourceId, events) {
      const fresh = events.filter((e) => !seen.has(`${sourceId}/${e.eventId}`));
      for (const e of fresh) seen.add(`${sourceId}/${e.eventId}`);
      applied.push(...fresh);
      return { accepted: fresh.length, duplicates: events.length - fresh.length };
    },
    ingestReading: () => ({ accepted: true, duplicate: false }),
  };
}

const grant: IngestGrant = { sourceId: 'crm', keyId: 'a'.repeat(64), mayWrite: (queueId) => queueId !== 'ams-x' };
const created = (eventId: string, queueId = 'lis-chat-pt'): TicketEvent => ({ eventId, type: 'created', ticketId: `t-${eventId}`, queueId, at: 1_795_351_380_000 });

function recordingLogger() {
  const lines: string[] = [];
  const logger: Logger = { debug() {}, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) };
  return { logger, lines };
}

/** An evaluating gateway and two standing by, each with its own metrics; only the evaluator's sink ever takes input. */
function cluster(options: { evaluating?: boolean; connected?: boolean; maxBytes?: number; evaluatorApply?: ApplyIngest } = {}) {
  const wire = bus();
  const timers: Array<() => void> = [];
  const sink = idempotentSink();
  const { logger, lines } = recordingLogger();
  const untouched: ApplyIngest = () => {
    throw new Error('a standby applied input to its own engine');
  };
  const gateway = (primary: boolean, applyHere: ApplyIngest) => {
    const registry = new MetricsRegistry();
    const forwarding = new IngestForwarding({
      applyHere, grantOf: (keyId) => (keyId === grant.keyId ? grant : null),
      isPrimary: () => primary && (options.evaluating ?? true), connected: () => options.connected ?? true,
      registry, logger, timeoutMs: 3000, ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
      timer: (_ms, fire) => {
        const once = () => {
          cancel();
          fire();
        };
        const cancel = () => void (timers.includes(once) && timers.splice(timers.indexOf(once), 1));
        timers.push(once);
        return cancel;
      },
    });
    forwarding.connect(wire.member());
    return { forwarding, metrics: () => registry.render() };
  };
  const applier = createIngestApplier({ sink, queueOfTicket: () => null, ingested: new MetricsRegistry().counter('i', 'i'), rejected: new MetricsRegistry().counter('r', 'r') });
  const evaluator = gateway(true, options.evaluatorApply ?? applier);
  const standbys = [gateway(false, untouched), gateway(false, untouched)];
  return { wire, timers, sink, lines, evaluator, standbys };
}

describe('ingest handed from a standby to the evaluating gateway', () => {
  it('is applied by the evaluator, for the grant found by key id, and its answer comes back; the other standby drops it', async () => {
    const { sink, evaluator, standbys } = cluster();
    const answer = await standbys[0]!.forwarding.deliver(grant, { kind: 'events', events: [created('e1'), created('e2')] });
    expect(answer).toEqual({ status: 200, body: { accepted: 2, duplicates: 0 } });
    expect(sink.applied.map((e) => e.eventId)).toEqual(['e1', 'e2']);
    // Crossed as JSON: an absent field stays absent.
    expect('satisfied' in sink.applied[0]!).toBe(false);
    const forwardedBytes = Buffer.byteLength(JSON.stringify({ id: 'x', keyId: grant.keyId, batch: { kind: 'events', events: [created('e1'), created('e2')] } }));
    const sent = standbys[0]!.metrics();
    expect(sent).toContain('queueboard_ingest_forwarded_total{kind="events",outcome="answered"} 1');
    // The id is a random UUID (36 characters) where the estimate has "x".
    expect(sent).toContain(`queueboard_ingest_forwarded_bytes_total ${forwardedBytes + 35}`);
    expect(evaluator.metrics()).toContain('queueboard_ingest_forwards_applied_total{outcome="applied"} 1');
  });

  it('counts an event id once across gateways: sent to one standby, then another, then the evaluator', async () => {
    const { sink, evaluator, standbys } = cluster();
    const batch = { kind: 'events' as const, events: [created('e1'), created('e2')] };
    expect((await standbys[0]!.forwarding.deliver(grant, batch)).body).toEqual({ accepted: 2, duplicates: 0 });
    expect((await standbys[1]!.forwarding.deliver(grant, { kind: 'events', events: [created('e2'), created('e3')] })).body).toEqual({ accepted: 1, duplicates: 1 });
    expect((await evaluator.forwarding.deliver(grant, batch)).body).toEqual({ accepted: 0, duplicates: 2 });
    expect(sink.applied.map((e) => e.eventId)).toEqual(['e1', 'e2', 'e3']);
  });

  it('relays the evaluator\'s refusal of a queue the ticket is in now (known only there)', async () => {
    const { standbys } = cluster();
    const answer = await standbys[0]!.forwarding.deliver(grant, { kind: 'events', events: [created('e1', 'ams-x')] });
    expect(answer).toMatchObject({ status: 403, body: { code: 'queue-not-granted', queues: ['ams-x'] } });
  });

  it('no evaluating gateway within the bound (a takeover): 503 no-evaluator with Retry-After, logged once a streak, counted', async () => {
    const { wire, timers, lines, standbys, evaluator, sink } = cluster({ evaluating: false });
    const pending = standbys[0]!.forwarding.deliver(grant, { kind: 'events', events: [created('e1')] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(timers).toHaveLength(1);
    timers[0]!();
    const answer = await pending;
    expect(answer.status).toBe(503);
    expect(answer.headers).toEqual({ 'Retry-After': '2' });
    expect(answer.body).toMatchObject({ code: 'no-evaluator', retryAfter: 2, error: expect.stringContaining('no evaluating gateway answered within 3 s') });
    const second = standbys[0]!.forwarding.deliver(grant, { kind: 'reading', queueId: 'lis-chat-pt', reading: { at: 1_795_351_380_000, backlog: 3 } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    timers[0]!();
    expect((await second).body).toMatchObject({ code: 'no-evaluator' });
    expect(lines.filter((l) => l.startsWith('warn'))).toHaveLength(1);
    expect(standbys[0]!.metrics()).toContain('queueboard_ingest_forwarded_total{kind="events",outcome="no-evaluator"} 1');
    expect(standbys[0]!.metrics()).toContain('queueboard_ingest_forwarded_total{kind="reading",outcome="no-evaluator"} 1');
    expect(sink.applied).toEqual([]);
    expect(wire.sent.filter((e) => e === 'queueboard:ingest')).toHaveLength(2);
    expect(evaluator.metrics()).not.toContain('queueboard_ingest_forwards_applied_total{');
  });

  it('an answer later than the bound changes nothing: the client was told 503 (a retry counts once)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { timers, standbys } = cluster({ evaluatorApply: async () => {
      await gate;
      return { status: 200, body: { accepted: 1, duplicates: 0 } };
    } });
    const pending = standbys[0]!.forwarding.deliver(grant, { kind: 'events', events: [created('e1')] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    timers[0]!();
    release();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await pending).body).toMatchObject({ code: 'no-evaluator' });
    expect(standbys[0]!.metrics()).not.toContain('outcome="answered"');
  });

  it('once the evaluator answers again, says so in the log', async () => {
    const state = { evaluating: false };
    const { timers, lines, standbys } = cluster(state);
    const lost = standbys[0]!.forwarding.deliver(grant, { kind: 'events', events: [created('e1')] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    timers[0]!();
    await lost;
    state.evaluating = true;
    expect((await standbys[0]!.forwarding.deliver(grant, { kind: 'events', events: [created('e1')] })).status).toBe(200);
    expect(lines).toEqual([
      'warn could not hand ingest to the evaluating gateway: answering 503 until it works again',
      'info ingest reaches the evaluating gateway again',
    ]);
  });

  it('Redis unreachable: 503 redis-unreachable at once, nothing sent (it would wait unsent in the client)', async () => {
    const { wire, standbys } = cluster({ connected: false });
    const answer = await standbys[0]!.forwarding.deliver(grant, { kind: 'events', events: [created('e1')] });
    expect(answer).toMatchObject({ status: 503, headers: { 'Retry-After': '2' }, body: { code: 'redis-unreachable' } });
    expect(wire.sent).toEqual([]);
    expect(standbys[0]!.metrics()).toContain('queueboard_ingest_forwarded_total{kind="events",outcome="redis-unreachable"} 1');
  });

  it('a batch over the forward limit: 413 naming both sizes, nothing sent', async () => {
    const { wire, standbys } = cluster({ maxBytes: 200 });
    const answer = await standbys[0]!.forwarding.deliver(grant, { kind: 'events', events: [created('e1'), created('e2')] });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ code: 'forward-too-large', error: expect.stringMatching(/^the batch is \d+ bytes as handed to the evaluating gateway, over the cluster's limit of 200 bytes/) });
    expect(wire.sent).toEqual([]);
    expect(standbys[0]!.metrics()).toContain('queueboard_ingest_forwarded_total{kind="events",outcome="too-large"} 1');
  });

  it('the evaluator fails to apply: 500 relayed, logged and counted there', async () => {
    const { lines, standbys, evaluator } = cluster({ evaluatorApply: () => Promise.reject(new Error('disk I/O error')) });
    const answer = await standbys[0]!.forwarding.deliver(grant, { kind: 'events', events: [created('e1')] });
    expect(answer).toEqual({ status: 500, body: { error: 'Internal error on the evaluating gateway; see its log.' } });
    expect(lines).toEqual(['error could not apply ingest another gateway forwarded']);
    expect(evaluator.metrics()).toContain('queueboard_ingest_forwards_applied_total{outcome="failed"} 1');
  });

  it('a key the evaluator does not have (gateways configured differently): 503 naming it, logged there', async () => {
    const { lines, standbys } = cluster();
    const answer = await standbys[0]!.forwarding.deliver({ ...grant, keyId: 'b'.repeat(64) }, { kind: 'events', events: [created('e1')] });
    expect(answer).toMatchObject({ status: 503, body: { code: 'key-unknown-to-evaluator' } });
    expect(lines[0]).toMatch(/^error a gateway of the cluster forwarded ingest for a key this one does not have/);
  });

  it('while this gateway evaluates, applies here without the bus', async () => {
    const { wire, evaluator, sink } = cluster();
    expect((await evaluator.forwarding.deliver(grant, { kind: 'events', events: [created('e1')] })).body).toEqual({ accepted: 1, duplicates: 0 });
    expect(wire.sent).toEqual([]);
    expect(sink.applied).toHaveLength(1);
  });
});

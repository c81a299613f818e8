import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';
import { connect, nextEvent, type TestSocket } from '../support/gateway-harness';
import { recordFigures } from './figures';
import { FUZZ_CASES, FUZZ_SEED, INGEST_KEY, startFuzzGateway, TOKENS } from './fuzz-gateway';
import { Random, sampledValues } from './hostile-values';
import { socketCases, type SocketCase, type SocketRole } from './socket-cases';

const cleanup: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const step of cleanup) await step();
});

type Answer = { ok: boolean; code?: string; issues?: unknown };
const emitRaw = (socket: TestSocket, event: string, ...args: unknown[]) => (socket as unknown as { emit(e: string, ...a: unknown[]): void }).emit(event, ...args);

async function open(url: string, token?: string): Promise<TestSocket> {
  const socket = connect(url, { protocol: PROTOCOL_VERSION, client: 'desk', ...(token ? { token } : {}) });
  cleanup.push(() => void socket.disconnect());
  await nextEvent(socket, 'snapshot');
  return socket;
}

describe('socket messages under generated garbage', () => {
  const count = FUZZ_CASES - Math.round(FUZZ_CASES * 0.6);

  it(`refuses ${count} generated messages each with a counted reason, survives parser-breaking packets, and applies the valid commands`, async () => {
    const { gateway, time, url } = await startFuzzGateway();
    cleanup.push(() => gateway.close());
    // An alert to acknowledge and snooze: the phone queue reports a backlog far above critical.
    await fetch(`${url}/api/v1/queues/phone/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${INGEST_KEY}` },
      body: JSON.stringify({ at: time.now(), backlog: 5000 }),
    });
    // A worse level must hold for the 2-minute pending period before it opens an alert.
    time.advance(122_000);
    expect(gateway.alerts.openAlerts().map((a) => a.id)).toContain('alert-1');

    const sockets: Record<SocketRole, TestSocket> = {
      anonymous: await open(url),
      wall: await open(url, TOKENS.display),
      lead: await open(url, TOKENS.lead),
      manager: await open(url, TOKENS.manager),
    };
    const rejectedSeen = new Map<SocketRole, number>();
    const lost: string[] = [];
    for (const [role, socket] of Object.entries(sockets) as Array<[SocketRole, TestSocket]>) {
      socket.on('rejected', () => rejectedSeen.set(role, (rejectedSeen.get(role) ?? 0) + 1));
      // Garbage must not cost a good connection.
      socket.on('disconnect', (reason) => lost.push(`${role}: ${reason}`));
    }
    const random = new Random(FUZZ_SEED + 1);
    const names = fc.sample(fc.string({ maxLength: 40 }), { seed: FUZZ_SEED, numRuns: 300 });
    const cases = socketCases(random, count, sampledValues(FUZZ_SEED, 400), names);

    const expected: Record<string, number> = {};
    const rejectedExpected = new Map<SocketRole, number>();
    const lastResync = new Map<SocketRole, number>();
    const wrong: string[] = [];
    let validApplied = 0;
    let lastNote = '';
    let lastUntil = 0;
    let parseErrors = 0;
    let oversize = 0;
    const count1 = (key: string) => (expected[key] = (expected[key] ?? 0) + 1);
    const started = performance.now();

    let pending: Array<Promise<void>> = [];
    const flush = async () => {
      await Promise.all(pending);
      pending = [];
      const deadline = Date.now() + 10_000;
      const behind = () => [...rejectedExpected].some(([role, n]) => (rejectedSeen.get(role) ?? 0) < n);
      while (behind() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    };
    const ask = (c: SocketCase & { from: SocketRole; event: string }, payload: unknown, check: (answer: Answer) => void) => {
      pending.push(
        (sockets[c.from] as unknown as { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> } })
          .timeout(10_000)
          .emitWithAck(c.event, payload)
          .then((answer: unknown) => check(answer as Answer)),
      );
    };

    for (const [index, c] of cases.entries()) {
      if (c.kind === 'unknown-event' || c.kind === 'no-callback') {
        emitRaw(sockets[c.from], c.event, c.payload);
        count1(c.reason);
        rejectedExpected.set(c.from, (rejectedExpected.get(c.from) ?? 0) + 1);
      } else if (c.kind === 'forbidden' || c.kind === 'invalid') {
        count1(c.reason);
        ask(c, c.payload, (answer) => {
          const named = Array.isArray(answer.issues) && answer.issues.length > 0 && answer.issues.every((i) => typeof i === 'string' && /: /.test(i));
          // history answers { ok: false, issues } without a code (protocol.ts); commands carry one.
          const code = c.event === 'history' ? undefined : c.code;
          if ((answer.ok || answer.code !== code || !named) && wrong.length < 10) wrong.push(`#${index} ${c.event} from ${c.from}: ${JSON.stringify(answer).slice(0, 300)}`);
        });
      } else if (c.kind === 'resync') {
        const now = time.now();
        if (now - (lastResync.get(c.from) ?? 0) >= 1000) lastResync.set(c.from, now);
        else {
          count1('resync-too-often');
          rejectedExpected.set(c.from, (rejectedExpected.get(c.from) ?? 0) + 1);
        }
        emitRaw(sockets[c.from], 'resync');
      } else if (c.kind === 'raw') {
        await flush();
        const scratch = await open(url);
        const closed = new Promise((resolve) => scratch.once('disconnect', resolve));
        if (c.packet === 'oversize') {
          // Above maxHttpBufferSize (64 KiB): engine.io closes the connection before socket.io sees it.
          emitRaw(scratch, 'resync', 'x'.repeat(100 * 1024));
          oversize++;
        } else {
          (scratch.io as unknown as { engine: { write(data: string): void } }).engine.write(c.packet);
          parseErrors++;
          count1('unparseable-packet');
        }
        await closed;
      } else if (c.kind === 'valid') {
        const payload = c.payload(time.now(), index);
        if (c.event === 'alert:acknowledge') lastNote = (payload as { note: string }).note;
        if (c.event === 'alert:snooze') lastUntil = (payload as { until: number }).until;
        ask(c, payload, (answer) => {
          if (answer.ok) validApplied++;
          else if (wrong.length < 10) wrong.push(`#${index} valid ${c.event}: ${JSON.stringify(answer).slice(0, 300)}`);
        });
      }
      if (index % 500 === 499) await flush();
      // A minute of gateway time now and then: resyncs are allowed again, snoozes stay in the future.
      if (index % 2000 === 1999) time.advance(61_000);
    }
    await flush();
    const seconds = (performance.now() - started) / 1000;

    expect(wrong).toEqual([]);
    expect(lost).toEqual([]);
    expect(Object.fromEntries(gateway.stats.rejectedMessages)).toEqual(expected);
    const valid = cases.filter((c) => c.kind === 'valid').length;
    expect(validApplied).toBe(valid);
    const alert = gateway.alerts.openAlerts().find((a) => a.id === 'alert-1')!;
    if (lastNote) expect(alert.acknowledged).toMatchObject({ by: 'Fuzz lead', note: lastNote });
    if (lastUntil) expect(alert.snoozed).toMatchObject({ by: 'Fuzz lead', until: lastUntil });
    expect(gateway.thresholds.overrides).toEqual([]);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(gateway.stats.closedConnections.get('transport error') ?? 0).toBe(oversize);
    expect(gateway.stats.droppedClients.get('message-too-large') ?? 0).toBe(oversize);
    expect(gateway.stats.connectedClients).toBe(4);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain(`queueboard_socket_messages_rejected{reason="unparseable-packet"} ${parseErrors}`);
    // Nobody is left with a backlog: the four screens read everything they were sent.
    expect(Number(/^queueboard_socket_largest_queue_bytes (\d+)$/m.exec(metrics)?.[1])).toBeLessThan(64 * 1024);

    recordFigures('socket', { messages: cases.length, valid, parserBreakingPackets: parseErrors, oversizeMessages: oversize, refusedByReason: expected, seconds: Math.round(seconds * 10) / 10 });
  });
});

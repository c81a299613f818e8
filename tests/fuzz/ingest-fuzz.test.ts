import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_FIRST_RESPONSE_TARGET_SECONDS } from '../../shared/health/default-thresholds';
import { TicketEventSchema } from '../../shared/ingest';
import { MetricEngine } from '../../server/metrics';
import { FUZZ_CASES, FUZZ_SEED, fuzzConfig, newAgent, pool, send, startFuzzGateway } from './fuzz-gateway';
import { recordFigures } from './figures';
import { httpCases } from './http-cases';
import { Random, sampledJson } from './hostile-values';

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers) await close();
});

/** The engine the gateway should hold if it applied exactly the valid batches and nothing else. */
function referenceEngine() {
  return new MetricEngine({
    queues: fuzzConfig.queues.map((q) => ({ id: q.id, firstResponseTargetSeconds: q.targets?.firstResponseSeconds ?? DEFAULT_FIRST_RESPONSE_TARGET_SECONDS[q.channel] })),
    windows: {
      firstResponseMs: fuzzConfig.windows.firstResponseMinutes * 60_000,
      resolutionMs: fuzzConfig.windows.resolutionHours * 3_600_000,
      flowMs: fuzzConfig.windows.flowMinutes * 60_000,
    },
  });
}

/** A 400 names every problem as "field: rule" (events[3].at: must be …), so a sender can fix it. */
function namesEachField(text: string): boolean {
  const { issues } = JSON.parse(text) as { issues?: unknown };
  return Array.isArray(issues) && issues.length > 0 && issues.every((issue) => typeof issue === 'string' && /^[^:\s]+(\s[^:]+)?: \S/.test(issue));
}

const byReason = (text: string) =>
  Object.fromEntries([...text.matchAll(/^queueboard_input_rejected_total\{reason="([^"]+)"\} (\d+)$/gm)].map((m) => [m[1]!, Number(m[2])]));

describe('HTTP ingest and admin API under generated garbage', () => {
  // 60 % of the run's inputs go over HTTP, the rest over sockets (socket-fuzz.test.ts).
  const count = Math.round(FUZZ_CASES * 0.6);

  it(`answers ${count} generated requests with the right status, counts each refusal by reason, and applies exactly the valid batches`, async () => {
    const { gateway, time, url, port } = await startFuzzGateway();
    closers.push(() => gateway.close());
    const random = new Random(FUZZ_SEED);
    const cases = httpCases(random, count, sampledJson(FUZZ_SEED, 500));
    const agent = newAgent();
    closers.push(async () => agent.destroy());
    const expected: Record<string, number> = {};
    const wrong: string[] = [];
    const started = performance.now();
    // In slices, with a minute of gateway time between them: the token failures of one slice stay under
    // the limiter's 1000 a minute, as a real client's would.
    const slice = 2000;
    for (let from = 0; from < cases.length; from += slice) {
      await pool(cases.slice(from, from + slice), 8, async (c, i) => {
        const answer = await send(agent, port, c);
        if (c.reason) expected[c.reason] = (expected[c.reason] ?? 0) + 1;
        if (answer.status !== c.status && wrong.length < 10) wrong.push(`#${from + i} ${c.kind} ${c.method} ${c.path}: expected ${c.status}, got ${answer.status} ${answer.text.slice(0, 200)}`);
        if (answer.status >= 400 && !/"error"/.test(answer.text) && wrong.length < 10) wrong.push(`#${from + i} ${c.kind}: a refusal without an error message: ${answer.text.slice(0, 100)}`);
        if (answer.status === 400 && (c.reason === 'invalid' || c.reason === 'thresholds-invalid') && !namesEachField(answer.text) && wrong.length < 10) {
          wrong.push(`#${from + i} ${c.kind}: issues do not name the field and rule: ${answer.text.slice(0, 200)}`);
        }
      });
      time.advance(61_000);
    }
    const seconds = (performance.now() - started) / 1000;
    expect(wrong).toEqual([]);

    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(byReason(metrics)).toEqual(expected);

    const reference = referenceEngine();
    const valid = cases.flatMap((c) => c.valid ?? []);
    for (const event of valid) reference.applyEvent(TicketEventSchema.parse(event));
    expect(metrics).toContain(`queueboard_events_ingested_total{outcome="accepted",source="crm"} ${valid.length}`);
    for (const queueId of ['chat', 'phone']) expect(gateway.engine.metricsFor(queueId, time.now())).toEqual(reference.metricsFor(queueId, time.now()));
    expect(gateway.engine.metricsFor('chat', time.now()).backlog).toBe(valid.length / 5);
    expect(gateway.engine.metricsFor('phone', time.now()).backlog).toBe(0);
    // Nothing reached Object.prototype through a "__proto__" or "constructor" key.
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    recordFigures('http', { requests: cases.length, valid: cases.filter((c) => c.valid).length, validEvents: valid.length, refusedByReason: expected, seconds: Math.round(seconds * 10) / 10 });
  });
});

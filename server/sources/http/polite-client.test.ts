import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FakeTime } from '../../../tests/support/fake-time';
import { capturingLogger, fakeSleep, sendJson, startFakeHelpdesk, type Route } from '../../../tests/support/fake-helpdesk';
import { HttpFailureError, type HttpFailure } from './http-failure';
import { PoliteClient } from './polite-client';
import { headerNumber, RateBudget } from './rate-budget';

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);
const TOKEN = 'secret-token-123456';
const Ok = z.object({ ok: z.literal(true) });
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function setup(route: Route, options: { share?: number; timeoutMs?: number; maxRetries?: number; errorDetail?: (body: unknown) => string | undefined } = {}) {
  const time = new FakeTime(T0);
  const helpdesk = await startFakeHelpdesk(route, time);
  closers.push(helpdesk.close);
  const { sleep, waits } = fakeSleep(time);
  const logger = capturingLogger();
  const client = new PoliteClient({
    label: 'Helpdesk',
    baseUrl: helpdesk.baseUrl,
    headers: { authorization: `Bearer ${TOKEN}` },
    secrets: [TOKEN],
    budget: new RateBudget({ share: options.share ?? 0.5, defaultLimit: 100 }),
    readRateInfo: (h) => ({ limit: headerNumber(h, 'x-rate-limit'), remaining: headerNumber(h, 'x-rate-limit-remaining') }),
    fetch: (url, init) => fetch(url, init),
    clock: time,
    sleep,
    random: () => 0.5,
    logger,
    timeoutMs: options.timeoutMs ?? 2000,
    maxRetries: options.maxRetries ?? 3,
    ...(options.errorDetail ? { errorDetail: options.errorDetail } : {}),
  });
  return { time, helpdesk, client, waits, logger };
}

async function failureOf(promise: Promise<unknown>): Promise<HttpFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpFailureError);
  return (error as HttpFailureError).failure;
}

describe('polite HTTP client', () => {
  it('never spends more than its share of the per-minute limit the helpdesk states', async () => {
    const { client, helpdesk, waits } = await setup((_req, res) => sendJson(res, 200, { ok: true }, { 'x-rate-limit': 10, 'x-rate-limit-remaining': 9 }));
    for (let i = 0; i < 12; i++) await client.json(Ok, { path: '/things' });
    const times = helpdesk.requests.map((r) => r.at);
    expect(times).toHaveLength(12);
    // A share of 0.5 of 10 per minute: at most 5 in any 60 s.
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 60_000).length).toBeLessThanOrEqual(5);
    expect(times[11]! - times[0]!).toBeGreaterThanOrEqual(120_000);
    expect(waits.length).toBeGreaterThan(0);
    expect(helpdesk.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('waits for the reset when the account has no requests left', async () => {
    let calls = 0;
    const { client, helpdesk } = await setup((_req, res) => sendJson(res, 200, { ok: true }, { 'x-rate-limit': 100, 'x-rate-limit-remaining': calls++ === 0 ? 0 : 50 }));
    await client.json(Ok, { path: '/a' });
    await client.json(Ok, { path: '/b' });
    expect(helpdesk.requests[1]!.at - helpdesk.requests[0]!.at).toBe(60_000);
  });

  it('honours Retry-After on 429 with added jitter, then gets its answer', async () => {
    let calls = 0;
    const { client, helpdesk, waits } = await setup((_req, res) =>
      calls++ === 0 ? sendJson(res, 429, { error: 'TooManyRequests' }, { 'retry-after': 3 }) : sendJson(res, 200, { ok: true }),
    );
    await expect(client.json(Ok, { path: '/x' })).resolves.toEqual({ ok: true });
    expect(waits).toEqual([3000 + 0.5 * (1000 + 300)]);
    expect(helpdesk.requests[1]!.at - helpdesk.requests[0]!.at).toBeGreaterThanOrEqual(3000);
  });

  it('gives up after its retries on 429, with the time to come back', async () => {
    const { client, helpdesk, time } = await setup((_req, res) => sendJson(res, 429, {}, { 'retry-after': 2 }), { maxRetries: 2 });
    const failure = await failureOf(client.json(Ok, { path: '/x' }));
    expect(failure.kind).toBe('rate-limited');
    expect(helpdesk.requests).toHaveLength(3);
    expect(failure.kind === 'rate-limited' && failure.retryAt).toBeGreaterThanOrEqual(time.now() + 2000);
  });

  it('turns 5xx, malformed JSON, a wrong shape and a timeout into typed failures', async () => {
    const { client } = await setup(async (req, res) => {
      if (req.url.pathname === '/503') return sendJson(res, 503, 'Service Unavailable');
      if (req.url.pathname === '/html') return sendJson(res, 200, '<html>maintenance</html>');
      if (req.url.pathname === '/shape') return sendJson(res, 200, { ok: 'yes' });
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (!res.destroyed) sendJson(res, 200, { ok: true });
    }, { timeoutMs: 60 });
    expect(await failureOf(client.json(Ok, { path: '/503' }))).toEqual({ kind: 'status', status: 503 });
    expect((await failureOf(client.json(Ok, { path: '/html' }))).kind).toBe('malformed');
    const shape = await failureOf(client.json(Ok, { path: '/shape' }));
    expect(shape.kind === 'unexpected' && shape.issues[0]).toMatch(/^ok: /);
    expect(await failureOf(client.json(Ok, { path: '/slow' }))).toEqual({ kind: 'timeout', ms: 60 });
  });

  it('gives a 4xx the helpdesk’s own words, masked, and a 5xx only its status', async () => {
    const { client } = await setup((req, res) => sendJson(res, req.url.pathname === '/400' ? 400 : 502, { error: `bad version for ${TOKEN}` }), {
      errorDetail: (body) => (body as { error?: string }).error,
    });
    const refused = await failureOf(client.json(Ok, { path: '/400' }));
    expect(refused).toEqual({ kind: 'status', status: 400, detail: 'bad version for [redacted]' });
    expect(new HttpFailureError(refused, 'Helpdesk').message).toBe('Helpdesk answered 400: “bad version for [redacted]”');
    expect(await failureOf(client.json(Ok, { path: '/502' }))).toEqual({ kind: 'status', status: 502 });
  });

  it('reports an unreachable helpdesk as a network failure', async () => {
    const { client, helpdesk } = await setup((_req, res) => sendJson(res, 200, { ok: true }));
    await helpdesk.close();
    expect((await failureOf(client.json(Ok, { path: '/x' }))).kind).toBe('network');
  });

  it('sends credentials only to the configured origin, whatever a next-page link says', async () => {
    const { client, helpdesk } = await setup((_req, res) => sendJson(res, 200, { ok: true }));
    const failure = await failureOf(client.json(Ok, { path: 'http://evil.example/api?page=2' }));
    expect(failure).toEqual({ kind: 'refused-url', url: 'http://evil.example' });
    expect(helpdesk.requests).toHaveLength(0);
    await expect(client.json(Ok, { path: `${helpdesk.baseUrl}/api?page=2`, query: { per_page: 100 } })).resolves.toEqual({ ok: true });
    expect(helpdesk.requests[0]!.url.search).toBe('?page=2&per_page=100');
  });
});

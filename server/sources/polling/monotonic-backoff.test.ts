import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FakeTime } from '../../../tests/support/fake-time';
import { capturingLogger, fakeSleep, sendJson, startFakeHelpdesk } from '../../../tests/support/fake-helpdesk';
import { HttpFailureError, type HttpFailure } from '../http/http-failure';
import { PoliteClient } from '../http/polite-client';
import { headerNumber, RateBudget } from '../http/rate-budget';
import { OptionalRatings } from './optional-ratings';
import { createPolledSource } from './polled-source';

// Connectors wait (backoff, rate budget, a refused ratings endpoint) on the monotonic clock: an NTP
// correction or an operator fixing the date must neither hammer a helpdesk nor silence it for an hour.
const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** Minutes between polls of a source whose first three polls fail, with the wall clock stepped by `stepMs` after the first. */
async function backoffGaps(stepMs: number): Promise<number[]> {
  const time = new FakeTime(T0);
  const outcomes: Array<HttpFailure | 'ok'> = [{ kind: 'status', status: 503 }, { kind: 'status', status: 503 }, { kind: 'status', status: 503 }];
  const polledAt: number[] = [];
  const source = createPolledSource({
    id: 'main-zendesk', label: 'Zendesk', queueIds: ['q1'], pollMs: MINUTE, clock: time, scheduler: time, random: () => 0, logger: capturingLogger(), secrets: [],
    poll: async () => {
      polledAt.push(time.monotonic());
      const next = outcomes.shift() ?? 'ok';
      if (next !== 'ok') throw new HttpFailureError(next, 'Zendesk');
    },
  });
  source.start({ events: () => {}, reading: () => {}, status: () => {} });
  await source.settled();
  time.stepWall(stepMs);
  for (let i = 0; i < 12; i++) {
    time.advance(MINUTE);
    await source.settled();
  }
  source.stop();
  return polledAt.slice(1).map((t, i) => (t - polledAt[i]!) / MINUTE);
}

describe('connector waits under a wall-clock step', () => {
  it('keeps the poll backoff (1, 2, 4 minutes, then every minute) when the wall clock steps an hour either way', async () => {
    const unstepped = await backoffGaps(0);
    expect(unstepped.slice(0, 4)).toEqual([1, 2, 4, 1]);
    expect(await backoffGaps(HOUR)).toEqual(unstepped);
    expect(await backoffGaps(-HOUR)).toEqual(unstepped);
  });

  it('keeps a 429 wait as long as the helpdesk asked, measured from when it asked', async () => {
    const time = new FakeTime(T0);
    const polledAt: number[] = [];
    const outcomes: Array<HttpFailure | 'ok'> = [{ kind: 'rate-limited', retryAt: T0 + 10 * MINUTE }];
    const source = createPolledSource({
      id: 'x', label: 'Freshdesk', queueIds: ['q'], pollMs: MINUTE, clock: time, scheduler: time, random: () => 0, logger: capturingLogger(), secrets: [],
      poll: async () => {
        polledAt.push(time.monotonic());
        const next = outcomes.shift() ?? 'ok';
        if (next !== 'ok') throw new HttpFailureError(next, 'Freshdesk');
      },
    });
    source.start({ events: () => {}, reading: () => {}, status: () => {} });
    await source.settled();
    time.stepWall(HOUR);
    for (let i = 0; i < 12; i++) {
      time.advance(MINUTE);
      await source.settled();
    }
    source.stop();
    expect(polledAt[1]).toBe(T0 + 10 * MINUTE);
  });

  it("keeps the rate budget's window when the wall clock steps back an hour", async () => {
    const time = new FakeTime(T0);
    const helpdesk = await startFakeHelpdesk((_req, res) => sendJson(res, 200, { ok: true }, { 'x-rate-limit': 10, 'x-rate-limit-remaining': 9 }), time);
    closers.push(helpdesk.close);
    const { sleep, waits } = fakeSleep(time);
    const client = new PoliteClient({
      label: 'Helpdesk', baseUrl: helpdesk.baseUrl, headers: {}, secrets: [], budget: new RateBudget({ share: 0.5, defaultLimit: 10 }),
      readRateInfo: (h) => ({ limit: headerNumber(h, 'x-rate-limit'), remaining: headerNumber(h, 'x-rate-limit-remaining') }),
      fetch: (url, init) => fetch(url, init), clock: time, sleep, random: () => 0.5, logger: capturingLogger(), timeoutMs: 2000,
    });
    const Ok = z.object({ ok: z.literal(true) });
    // Half of 10 a minute: five requests spend the window.
    for (let i = 0; i < 5; i++) await client.json(Ok, { path: '/things' });
    time.stepWall(-HOUR);
    await client.json(Ok, { path: '/things' });
    // The sixth waits for the window to free (a minute at most), not for the wall clock to come back.
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits[0]).toBeLessThanOrEqual(MINUTE);
  });

  it('asks for refused ratings again an hour later, whichever way the wall clock stepped', async () => {
    for (const step of [2 * HOUR, -24 * HOUR]) {
      const time = new FakeTime(T0);
      const ratings = new OptionalRatings('Zendesk', 'main-zendesk', time, capturingLogger());
      let asked = 0;
      const refuse = async () => {
        asked++;
        throw new HttpFailureError({ kind: 'status', status: 403 }, 'Zendesk');
      };
      await ratings.read(refuse);
      time.stepWall(step);
      time.advance(30 * MINUTE);
      await ratings.read(refuse);
      expect(asked, `a wall step of ${step / HOUR} h`).toBe(1);
      time.advance(31 * MINUTE);
      await ratings.read(refuse);
      expect(asked, `a wall step of ${step / HOUR} h`).toBe(2);
    }
  });
});

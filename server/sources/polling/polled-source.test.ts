import { describe, expect, it } from 'vitest';
import { FakeTime } from '../../../tests/support/fake-time';
import { capturingLogger } from '../../../tests/support/fake-helpdesk';
import { HttpFailureError, type HttpFailure } from '../http/http-failure';
import type { SourceSink, SourceStatus } from '../source';
import { createPolledSource, reasonFor } from './polled-source';

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);

function harness(outcomes: Array<HttpFailure | 'ok' | Error>) {
  const time = new FakeTime(T0);
  const statuses: SourceStatus[] = [];
  const pollTimes: number[] = [];
  const sink: SourceSink = { events: () => {}, reading: () => {}, status: (_id, status) => statuses.push(status) };
  const source = createPolledSource({
    id: 'main-zendesk',
    label: 'Zendesk',
    queueIds: ['q1', 'q2'],
    pollMs: 60_000,
    clock: time,
    scheduler: time,
    random: () => 0,
    logger: capturingLogger(),
    secrets: [],
    poll: async () => {
      pollTimes.push(time.now());
      const next = outcomes.shift() ?? 'ok';
      if (next instanceof Error) throw next;
      if (next !== 'ok') throw new HttpFailureError(next, 'Zendesk');
    },
  });
  return { time, statuses, pollTimes, source, sink };
}

/** Advances fake time minute by minute, letting each poll finish. */
async function run(h: ReturnType<typeof harness>, minutes: number) {
  for (let i = 0; i < minutes; i++) {
    h.time.advance(60_000);
    await h.source.settled();
  }
}

describe('polled source', () => {
  it('reports its queues down after three failures in a row with the reason, and up when it answers again', async () => {
    const h = harness([{ kind: 'status', status: 503 }, { kind: 'status', status: 503 }, { kind: 'status', status: 503 }, 'ok']);
    h.source.start(h.sink);
    await h.source.settled();
    await run(h, 20);
    expect(h.statuses).toEqual([
      { state: 'down', queueIds: ['q1', 'q2'], reason: 'Zendesk answered 503 three times in a row' },
      { state: 'up', queueIds: ['q1', 'q2'] },
    ]);
    // Backs off while failing: 1, 2 then 4 minutes between attempts, then back to every minute.
    const gaps = h.pollTimes.slice(1).map((t, i) => (t - h.pollTimes[i]!) / 60_000);
    expect(gaps.slice(0, 4)).toEqual([1, 2, 4, 1]);
    expect(h.source.failuresInARow).toBe(0);
  });

  it('names mixed failures by the latest, and refused credentials at once', async () => {
    expect(reasonFor('Zendesk', { count: 3, last: 'answered 503', allSame: false })).toBe('Zendesk failed three times in a row; last it answered 503');
    expect(reasonFor('Zendesk', { count: 12, last: 'answered 503', allSame: true })).toBe('Zendesk answered 503 12 times in a row');
    const h = harness([{ kind: 'status', status: 401 }]);
    h.source.start(h.sink);
    await h.source.settled();
    expect(h.statuses).toEqual([
      { state: 'down', queueIds: ['q1', 'q2'], reason: 'Zendesk refused the credentials (401): check the token and its permissions' },
    ]);
  });

  it('says which failure came last when they differ', async () => {
    const h = harness([{ kind: 'status', status: 502 }, { kind: 'timeout', ms: 10_000 }, { kind: 'status', status: 503 }]);
    h.source.start(h.sink);
    await h.source.settled();
    await run(h, 10);
    expect(h.statuses[0]).toEqual({ state: 'down', queueIds: ['q1', 'q2'], reason: 'Zendesk failed three times in a row; last it answered 503' });
  });

  it('waits as long as a 429 asked before polling again', async () => {
    const h = harness([{ kind: 'rate-limited', retryAt: T0 + 10 * 60_000 }]);
    h.source.start(h.sink);
    await h.source.settled();
    await run(h, 12);
    expect(h.pollTimes[1]).toBe(T0 + 10 * 60_000);
  });

  it('never runs two polls at once and reports nothing once stopped', async () => {
    let release!: () => void;
    const time = new FakeTime(T0);
    const statuses: SourceStatus[] = [];
    let polls = 0;
    const source = createPolledSource({
      id: 'x', label: 'Freshdesk', queueIds: ['q'], pollMs: 1000, clock: time, scheduler: time, random: () => 0, logger: capturingLogger(), secrets: [],
      failuresBeforeDown: 1,
      poll: () => {
        polls++;
        return new Promise<void>((_resolve, reject) => (release = () => reject(new HttpFailureError({ kind: 'status', status: 500 }, 'Freshdesk'))));
      },
    });
    source.start({ events: () => {}, reading: () => {}, status: (_id, s) => statuses.push(s) });
    time.advance(5000);
    expect(polls).toBe(1);
    source.stop();
    release();
    await source.pollNow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(statuses).toEqual([]);
    expect(time.pendingTimers).toBe(0);
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { METRIC_IDS } from '../../shared/metrics';
import { HISTORY_MAX_ANSWER_BYTES, HISTORY_MAX_SPAN_MS, HISTORY_RESOLUTION_MS } from '../../shared/protocol/protocol';
import { silentLogger } from '../runtime/logger';
import { openStore, type GatewayStore } from '../store';
import type { HistoryRead } from '../store/metric-history';
import { createHistoryQuery } from './history-query';

const NOW = Date.UTC(2026, 10, 24, 10);
const QUEUES = Array.from({ length: 12 }, (_, i) => `queue-${i}`);
const opened: GatewayStore[] = [];
afterEach(() => opened.splice(0).forEach((store) => store.close()));

/** A real store holding a full day of every metric for twelve queues: the 1.07 MB answer of issue 16. */
function dayOfHistory(maxAnswerBytes?: number) {
  const store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'qb-history-')), clock: { now: () => NOW }, logger: silentLogger });
  opened.push(store);
  const metrics = Object.fromEntries(METRIC_IDS.map((id, i) => [id, 10 + i]));
  for (let at = NOW - HISTORY_MAX_SPAN_MS + HISTORY_RESOLUTION_MS; at <= NOW; at += HISTORY_RESOLUTION_MS) {
    store.history.recordMinute(at, QUEUES.map((queueId) => ({ queueId, metrics })));
  }
  // Counts what the query takes out of SQLite, to see what the read itself touched.
  const reads: number[] = [];
  const history = {
    since(cutoffMs: number, read?: HistoryRead) {
      const rows = store.history.since(cutoffMs, read);
      reads.push([...rows.values()].reduce((sum, points) => sum + points.length, 0));
      return rows;
    },
  };
  const query = createHistoryQuery({ clock: { now: () => NOW }, history, isKnownQueue: (id) => QUEUES.includes(id), maxAnswerBytes });
  return { query, reads };
}

describe('the history query', () => {
  it('reads only the asked queues from the store, not every queue filtered afterwards', () => {
    const { query, reads } = dayOfHistory();
    const answer = query({ spanMs: 3_600_000, metrics: ['backlog'], queueIds: ['queue-3', 'queue-7'] });
    // An hour back from 10:00, both ends included: 09:00 to 10:00 is 61 minutes.
    expect(answer.ok && answer.queues.map((q) => [q.queueId, q.at.length])).toEqual([['queue-3', 61], ['queue-7', 61]]);
    expect(reads).toEqual([2 * 61]);
  });

  it('refuses an answer over the size limit with `too-large`, naming the limit and the way out', () => {
    const { query, reads } = dayOfHistory();
    const answer = query({ spanMs: HISTORY_MAX_SPAN_MS, metrics: [...METRIC_IDS] });
    expect(answer).toEqual({
      ok: false,
      code: 'too-large',
      issues: [expect.stringMatching(new RegExp(`^history: the answer would be \\d+ bytes, over the ${HISTORY_MAX_ANSWER_BYTES}-byte limit; ask for fewer queues \\(queueIds\\)`))],
    });
    expect(reads).toHaveLength(1);
  });

  it('answers the same day for one queue, well inside the limit', () => {
    const { query } = dayOfHistory();
    const answer = query({ spanMs: HISTORY_MAX_SPAN_MS, metrics: [...METRIC_IDS], queueIds: ['queue-0'] });
    expect(answer.ok && answer.queues.map((q) => q.at.length)).toEqual([1440]);
    expect(Buffer.byteLength(JSON.stringify(answer))).toBeLessThan(HISTORY_MAX_ANSWER_BYTES);
  });

  it('stops reading at the rows that could ever fit in the limit, and refuses without building the answer', () => {
    const { query, reads } = dayOfHistory(20_000);
    const answer = query({ spanMs: HISTORY_MAX_SPAN_MS, metrics: ['backlog'] });
    expect(answer).toEqual({ ok: false, code: 'too-large', issues: [expect.stringMatching(/^history: the answer would be more than 20000 bytes, over the 20000-byte limit/)] });
    // 12 queues × 1440 minutes are stored; a row adds at least 14 bytes, so at most 20000 / 14 (+1 to know) are read.
    expect(reads).toEqual([Math.ceil(20_000 / 14) + 1]);
  });
});

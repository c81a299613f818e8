import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../../shared/health/default-thresholds';
import { composeHealth, evaluateQueueHealth } from '../../../shared/health/queue-health';
import { ThresholdIndex } from '../../../shared/health/threshold-model';
import type { Level } from '../../../shared/health/thresholds';
import { EMPTY_METRICS, METRIC_IDS, type MetricId } from '../../../shared/metrics';
import { CHANNELS, type Queue } from '../../../shared/model';
import type { QueueState } from '../../../shared/protocol/protocol';
import { QueueTile } from './QueueTile';

const NOW = Date.UTC(2026, 11, 7, 23, 30);
const RANK: Record<string, number> = { 'no-data': 0, ok: 1, warning: 2, critical: 3 };

afterEach(cleanup);

const queueOf = (channel: Queue['channel'], ungraded: boolean): Queue => ({
  id: 'q',
  name: 'Queue',
  officeId: 'lisbon',
  channel,
  team: { name: 'Team', kind: 'in-house' },
  ...(ungraded ? { ungraded: ['slaBreached' as MetricId] } : {}),
});

/** Renders the real tile and reads what a person would see: the status and any breach note. */
function look(queue: Queue, state: QueueState) {
  const { container } = render(<QueueTile queue={queue} state={state} locale="en-GB" timeZone="Europe/Lisbon" now={NOW} live />);
  const tile = container.querySelector<HTMLElement>('[data-testid="queue-tile"]')!;
  const notes = [...container.querySelectorAll('[data-metric="slaBreached"]')].filter((el) => el.closest('.tile-notes'));
  const text = notes.map((el) => el.textContent ?? '').join(' ');
  cleanup();
  return { status: tile.dataset.status!, shown: tile.dataset.status === 'stale' ? null : tile.dataset.status!, breachNote: notes.length > 0, text };
}

function assertNoContradiction(queue: Queue, state: QueueState): void {
  const seen = look(queue, state);
  if (!seen.breachNote) return;
  const status = state.health.stale ? state.health.stale.lastStatus : state.health.status;
  if (queue.ungraded?.includes('slaBreached')) {
    expect(seen.text).toContain('not graded');
  } else {
    expect(RANK[status], `${queue.channel}: breach note "${seen.text}" under ${status}`).toBeGreaterThanOrEqual(RANK.warning!);
  }
}

const values = fc.record(
  Object.fromEntries(METRIC_IDS.map((id) => [id, fc.option(fc.integer({ min: 0, max: id === 'slaAttainment' ? 100 : 20_000 }), { nil: null })])) as Record<
    MetricId,
    fc.Arbitrary<number | null>
  >,
);
const level = fc.constantFrom<Level>('ok', 'warning', 'critical');

describe('a tile never notes a breach under an OK status', () => {
  it('holds for states judged by the built-in levels of every channel, with or without slaBreached ungraded', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CHANNELS), fc.boolean(), values, (channel, ungraded, metrics) => {
        const queue = queueOf(channel, ungraded);
        const rules = new ThresholdIndex([], DEFAULT_THRESHOLDS).resolve(queue, null);
        const set = Object.fromEntries(Object.entries(rules).map(([id, r]) => [id, r!.rule]));
        const health = evaluateQueueHealth({ ...EMPTY_METRICS, ...metrics }, set);
        assertNoContradiction(queue, { queueId: 'q', metrics: { ...EMPTY_METRICS, ...metrics }, health, updatedAt: NOW } as QueueState);
      }),
      { numRuns: 150 },
    );
  });

  it('holds for any debounced levels the gateway may send (pending periods, stale), graded or not', () => {
    const levels = fc.dictionary(fc.constantFrom(...METRIC_IDS), level);
    fc.assert(
      fc.property(fc.constantFrom(...CHANNELS), fc.boolean(), values, levels, fc.boolean(), (channel, ungraded, metrics, judged, stale) => {
        const queue = queueOf(channel, ungraded);
        // A metric ungraded for the queue never has a level; every other may have any.
        const graded = Object.fromEntries(Object.entries(judged).filter(([id]) => !(ungraded && id === 'slaBreached'))) as Partial<Record<MetricId, Level>>;
        const health = composeHealth(graded, stale ? { reason: 'no-recent-data', message: 'old' } : null, null);
        assertNoContradiction(queue, { queueId: 'q', metrics: { ...EMPTY_METRICS, ...metrics }, health, updatedAt: NOW } as QueueState);
      }),
      { numRuns: 150 },
    );
  });

  it('found the Trustpilot tile of the issue: 96 past SLA, every other figure OK, now at least a warning', () => {
    const queue = queueOf('trustpilot', false);
    const rules = new ThresholdIndex([]).resolve(queue, null);
    const set = Object.fromEntries(Object.entries(rules).map(([id, r]) => [id, r!.rule]));
    const metrics = { ...EMPTY_METRICS, backlog: 120, slaBreached: 96 };
    const health = evaluateQueueHealth(metrics, set);
    expect(RANK[health.status]).toBeGreaterThanOrEqual(RANK.warning!);
    const seen = look(queue, { queueId: 'q', metrics, health, updatedAt: NOW } as QueueState);
    expect(seen.status).toBe(health.status);
  });
});

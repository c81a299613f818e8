import type { MetricId } from '../../../shared/metrics';
import type { QueueState } from '../../../shared/protocol/protocol';
import { HEADLINE_METRICS, SLA_METRIC } from './QueueTile';

/**
 * Whether a tile would show the same thing for both states: the same health (levels, stale, at-risk) and the
 * same values of its headline metrics, of the SLA breach count, and of the graded metrics that may name a cause. Everything else in a
 * state (when the source last reported, metrics no tile shows) changes every second on a busy gateway and
 * needs no render (bench/latency: 300 queues at 1 Hz).
 */
export function sameTileInputs(a: QueueState | undefined, b: QueueState | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.health !== b.health || a.usual !== b.usual) return false;
  if (a.metrics === b.metrics) return true;
  for (const id of HEADLINE_METRICS) if (a.metrics[id] !== b.metrics[id]) return false;
  if (a.metrics[SLA_METRIC] !== b.metrics[SLA_METRIC]) return false;
  // The tile notes tickets past their SLA even when no level is set for them.
  if (a.metrics.slaBreached !== b.metrics.slaBreached) return false;
  for (const id of Object.keys(a.health.metrics) as MetricId[]) if (a.metrics[id] !== b.metrics[id]) return false;
  return true;
}

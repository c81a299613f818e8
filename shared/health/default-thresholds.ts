import { METRICS, type MetricId } from '../metrics';
import type { Channel } from '../model';
import { withCsatLevels } from './csat-levels';
import { withVolumeLevels } from './volume-levels';
import type { ThresholdRule, ThresholdSet } from './thresholds';

const MIN = 60;
const HOUR = 3600;

const sla = [90, 80] as const;

/**
 * Built-in thresholds per channel. Customers expect an answer on chat and phone in minutes and on email
 * within hours; social channels sit between. Backlog counts unsolved tickets, so its levels depend on a
 * queue's volume: these suit queues of a few hundred tickets an hour (the demo's). Managers override
 * them per office and queue. Tickets past SLA (`slaBreached`) are graded too, so a tile never notes a breach under
 * an OK status: a few on a chat or phone queue are already a warning; an email queue of hundreds carries a few
 * dozen as a matter of course.
 */
export const DEFAULT_THRESHOLDS: Readonly<Record<Channel, ThresholdSet>> = withVolumeLevels(withCsatLevels({
  chat: rules({
    backlog: [90, 150],
    oldestWaitingSeconds: [5 * MIN, 10 * MIN],
    firstResponseP90: [2 * MIN, 5 * MIN],
    resolutionP90: [45 * MIN, 90 * MIN],
    slaAttainment: sla,
    slaBreached: [5, 20],
  }),
  phone: rules({
    backlog: [50, 100],
    oldestWaitingSeconds: [3 * MIN, 6 * MIN],
    firstResponseP90: [1 * MIN, 3 * MIN],
    resolutionP90: [30 * MIN, 60 * MIN],
    slaAttainment: sla,
    slaBreached: [3, 10],
  }),
  email: rules({
    backlog: [1500, 2500],
    oldestWaitingSeconds: [12 * HOUR, 20 * HOUR],
    firstResponseP90: [8 * HOUR, 16 * HOUR],
    resolutionP90: [36 * HOUR, 72 * HOUR],
    slaAttainment: sla,
    slaBreached: [50, 200],
  }),
  trustpilot: socialDefaults(),
  facebook: socialDefaults(),
  instagram: socialDefaults(),
  x: socialDefaults(),
  linkedin: socialDefaults(),
}));

/** The first-response promise per channel when a queue's configuration names none. */
export const DEFAULT_FIRST_RESPONSE_TARGET_SECONDS: Readonly<Record<Channel, number>> = {
  chat: 2 * MIN,
  phone: 1 * MIN,
  email: 8 * HOUR,
  trustpilot: 2 * HOUR,
  facebook: 2 * HOUR,
  instagram: 2 * HOUR,
  x: 2 * HOUR,
  linkedin: 2 * HOUR,
};

function socialDefaults(): ThresholdSet {
  return rules({
    backlog: [250, 450],
    oldestWaitingSeconds: [4 * HOUR, 8 * HOUR],
    firstResponseP90: [2 * HOUR, 4 * HOUR],
    resolutionP90: [12 * HOUR, 24 * HOUR],
    slaAttainment: sla,
    slaBreached: [10, 40],
  });
}

/** Levels as [warning, critical]; the direction is the metric's own (shared/metrics.ts). */
function rules(levels: Partial<Record<MetricId, readonly [warning: number, critical: number]>>): ThresholdSet {
  const set: Partial<Record<MetricId, ThresholdRule>> = {};
  for (const [metric, [warning, critical]] of Object.entries(levels) as Array<[MetricId, readonly [number, number]]>) {
    set[metric] = { direction: METRICS[metric].direction, warning, critical };
  }
  return set;
}

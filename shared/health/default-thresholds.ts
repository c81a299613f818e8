import type { Channel } from '../model';
import type { ThresholdSet } from './thresholds';

const MIN = 60;
const HOUR = 3600;

const sla = { direction: 'lower-is-worse', warning: 90, critical: 80 } as const;

/**
 * Built-in thresholds per channel. Customers expect an answer on chat and phone in minutes and on email
 * within hours; social channels sit between. Backlog counts unsolved tickets, so its levels depend on a
 * queue's volume: these suit queues of a few hundred tickets an hour (the demo's). Managers override
 * them per office and queue (a later issue).
 */
export const DEFAULT_THRESHOLDS: Readonly<Record<Channel, ThresholdSet>> = {
  chat: {
    backlog: { direction: 'higher-is-worse', warning: 90, critical: 150 },
    oldestWaitingSeconds: { direction: 'higher-is-worse', warning: 5 * MIN, critical: 10 * MIN },
    firstResponseP90: { direction: 'higher-is-worse', warning: 2 * MIN, critical: 5 * MIN },
    resolutionP90: { direction: 'higher-is-worse', warning: 45 * MIN, critical: 90 * MIN },
    slaAttainment: sla,
  },
  phone: {
    backlog: { direction: 'higher-is-worse', warning: 50, critical: 100 },
    oldestWaitingSeconds: { direction: 'higher-is-worse', warning: 3 * MIN, critical: 6 * MIN },
    firstResponseP90: { direction: 'higher-is-worse', warning: 1 * MIN, critical: 3 * MIN },
    resolutionP90: { direction: 'higher-is-worse', warning: 30 * MIN, critical: 60 * MIN },
    slaAttainment: sla,
  },
  email: {
    backlog: { direction: 'higher-is-worse', warning: 1500, critical: 2500 },
    oldestWaitingSeconds: { direction: 'higher-is-worse', warning: 12 * HOUR, critical: 20 * HOUR },
    firstResponseP90: { direction: 'higher-is-worse', warning: 8 * HOUR, critical: 16 * HOUR },
    resolutionP90: { direction: 'higher-is-worse', warning: 36 * HOUR, critical: 72 * HOUR },
    slaAttainment: sla,
  },
  trustpilot: socialDefaults(),
  facebook: socialDefaults(),
  instagram: socialDefaults(),
  x: socialDefaults(),
  linkedin: socialDefaults(),
};

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
  return {
    backlog: { direction: 'higher-is-worse', warning: 250, critical: 450 },
    oldestWaitingSeconds: { direction: 'higher-is-worse', warning: 4 * HOUR, critical: 8 * HOUR },
    firstResponseP90: { direction: 'higher-is-worse', warning: 2 * HOUR, critical: 4 * HOUR },
    resolutionP90: { direction: 'higher-is-worse', warning: 12 * HOUR, critical: 24 * HOUR },
    slaAttainment: sla,
  };
}

import type { Channel } from '../model';
import type { ThresholdSet } from './thresholds';

const MIN = 60;
const HOUR = 3600;

/**
 * Built-in thresholds per channel. Customers expect an answer on chat and phone in minutes and on email
 * within hours; social channels sit between. Managers override these per office and queue (a later issue).
 */
export const DEFAULT_THRESHOLDS: Readonly<Record<Channel, ThresholdSet>> = {
  chat: {
    backlog: { direction: 'higher-is-worse', warning: 15, critical: 30 },
    firstResponseP90: { direction: 'higher-is-worse', warning: 2 * MIN, critical: 5 * MIN },
    resolutionP90: { direction: 'higher-is-worse', warning: 30 * MIN, critical: 1 * HOUR },
  },
  phone: {
    backlog: { direction: 'higher-is-worse', warning: 10, critical: 20 },
    firstResponseP90: { direction: 'higher-is-worse', warning: 1 * MIN, critical: 3 * MIN },
    resolutionP90: { direction: 'higher-is-worse', warning: 20 * MIN, critical: 45 * MIN },
  },
  email: {
    backlog: { direction: 'higher-is-worse', warning: 150, critical: 300 },
    firstResponseP90: { direction: 'higher-is-worse', warning: 4 * HOUR, critical: 8 * HOUR },
    resolutionP90: { direction: 'higher-is-worse', warning: 24 * HOUR, critical: 48 * HOUR },
  },
  trustpilot: socialDefaults(),
  facebook: socialDefaults(),
  instagram: socialDefaults(),
  x: socialDefaults(),
  linkedin: socialDefaults(),
};

function socialDefaults(): ThresholdSet {
  return {
    backlog: { direction: 'higher-is-worse', warning: 40, critical: 80 },
    firstResponseP90: { direction: 'higher-is-worse', warning: 1 * HOUR, critical: 2 * HOUR },
    resolutionP90: { direction: 'higher-is-worse', warning: 8 * HOUR, critical: 24 * HOUR },
  };
}

import type { Channel } from '../../../shared/model';

/** How a queue of each channel behaves at a busy hour. Times are seconds. */
export interface TrafficProfile {
  /** New tickets per hour at full load. */
  readonly arrivalsPerHour: number;
  /** Agents on the queue at full load; staffing follows the day curve with a floor. */
  readonly peakAgents: number;
  /** First replies one agent gives per hour. */
  readonly repliesPerAgentHour: number;
  /** Local hours the queue is staffed, [from, to); null = around the clock. */
  readonly staffedHours: readonly [number, number] | null;
  /** Median time from arrival until an agent could first answer (reading, routing, typing). */
  readonly replyLagMedian: number;
  /** Median time from the first reply until the ticket is solved. */
  readonly resolutionMedian: number;
  /** Share of solved tickets that come back. */
  readonly reopenRate: number;
}

const MIN = 60;
const HOUR = 3600;

const social: TrafficProfile = {
  arrivalsPerHour: 90,
  peakAgents: 10,
  repliesPerAgentHour: 12,
  staffedHours: [8, 22],
  replyLagMedian: 12 * MIN,
  resolutionMedian: 2 * HOUR,
  reopenRate: 0.04,
};

export const TRAFFIC_PROFILES: Readonly<Record<Channel, TrafficProfile>> = {
  email: {
    arrivalsPerHour: 260,
    peakAgents: 36,
    // Staffed 12 hours for mail that arrives around the clock: a morning backlog, drained by evening.
    repliesPerAgentHour: 11,
    staffedHours: [8, 20],
    replyLagMedian: 10 * MIN,
    resolutionMedian: 6 * HOUR,
    reopenRate: 0.06,
  },
  chat: {
    arrivalsPerHour: 300,
    peakAgents: 32,
    repliesPerAgentHour: 12,
    staffedHours: null,
    replyLagMedian: 25,
    resolutionMedian: 12 * MIN,
    reopenRate: 0.02,
  },
  phone: {
    arrivalsPerHour: 220,
    peakAgents: 32,
    repliesPerAgentHour: 9,
    staffedHours: null,
    replyLagMedian: 12,
    resolutionMedian: 8 * MIN,
    reopenRate: 0.02,
  },
  trustpilot: social,
  facebook: social,
  instagram: social,
  x: social,
  linkedin: social,
};

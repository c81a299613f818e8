import type { GatewayConfig } from '../../config/config-schema';
import { QUARTER_MS, slotOf, type QuarterRow } from '../../store/quarter-history';
import { contactLoad, localTimeReader, type LocalTime } from './day-curve';
import { demoPressure } from './demo-pressure';
import { pastMarketingEvents, type MarketingEvent } from './marketing-events';
import { createRandom, hashString, poisson, type Random } from './random';
import { TRAFFIC_PROFILES, type TrafficProfile } from './ticket-profiles';

const DAY = 24 * 3_600_000;
/** The weeks a fresh demo starts with: the baseline learns from 8 weeks. */
export const DEMO_HISTORY_WEEKS = 8;
/** The demo replays its last day through the engine at every start (demo-source.ts); the generated weeks end there. */
const REPLAYED_MS = DAY;

export interface DemoHistoryOptions {
  config: Pick<GatewayConfig, 'offices' | 'queues'>;
  seed: number;
  /** When the demo starts: the weeks end a day before it, where the replayed day begins. */
  startAt: number;
}

export interface DemoHistory {
  rows: QuarterRow[];
  events: MarketingEvent[];
}

/**
 * Eight weeks of quarter hours for every demo queue, on the live traffic's model: Poisson arrivals on the
 * office's day curve (quiet nights, a lunch dip, quieter weekends) times the queue's pressure, a few
 * marketing campaigns, agents staffed to the curve and a backlog they work down.
 */
export function generateDemoHistory({ config, seed, startAt }: DemoHistoryOptions): DemoHistory {
  const end = slotOf(startAt - REPLAYED_MS);
  const begin = end - DEMO_HISTORY_WEEKS * 7 * DAY;
  const events = pastMarketingEvents(config.queues, seed, begin, end);
  const readers = new Map(config.offices.map((office) => [office.id, localTimeReader(office.timeZone)]));
  const rows: QuarterRow[] = [];
  for (const queue of config.queues) {
    const local = cachedBySlot(readers.get(queue.officeId)!);
    const model = new QuarterModel(TRAFFIC_PROFILES[queue.channel], demoPressure(seed, queue.id), createRandom(hashString(`${seed}:${queue.id}:history`)));
    const campaigns = events.filter((e) => e.queueId === queue.id);
    for (let slot = begin; slot < end; slot += QUARTER_MS) {
      const middle = slot + QUARTER_MS / 2;
      const campaign = campaigns.find((e) => e.from <= middle && middle < e.to);
      rows.push({ queueId: queue.id, slot, ...model.step(local(slot), campaign?.arrivalFactor ?? 1) });
    }
  }
  return { rows, events };
}

/** Where the weeks go: the store's quarter history. */
export interface DemoHistoryStore {
  since(cutoffMs: number): ReadonlyArray<{ queueId: string }>;
  record(rows: readonly QuarterRow[]): void;
}

/** At the demo's first start (no demo queue has any history yet) writes its eight weeks; returns the rows written. */
export function seedDemoHistory(store: DemoHistoryStore, options: DemoHistoryOptions): number {
  const demoQueues = new Set(options.config.queues.map((q) => q.id));
  const cutoff = options.startAt - (DEMO_HISTORY_WEEKS * 7 + 1) * DAY;
  if (store.since(cutoff).some((row) => demoQueues.has(row.queueId))) return 0;
  const { rows } = generateDemoHistory(options);
  store.record(rows);
  return rows.length;
}

/** One local-time lookup per slot and office, shared by its queues (Intl formatting is the slow part). */
function cachedBySlot(reader: (epochMs: number) => LocalTime): (slot: number) => LocalTime {
  const cache = new Map<number, LocalTime>();
  return (slot) => {
    let time = cache.get(slot);
    if (!time) cache.set(slot, (time = reader(slot + QUARTER_MS / 2)));
    return time;
  };
}

/**
 * A solved ticket's time since its first reply is lognormal (median `resolutionMedian`, sigma 0.9, as the live
 * traffic draws it): its mean is the median times e^(0.9²/2). By Little's law the answered-but-open pool holds
 * that mean times the reply rate whatever the distribution's shape, so a quarter's solves are drawn from it.
 */
const RESOLUTION_MEAN_OVER_MEDIAN = Math.exp(0.9 ** 2 / 2);

/**
 * One queue's quarter hours, counted as the metric engine counts the live demo: arrivals, agents on the curve
 * replying to what waits, answered tickets solved after their resolution time, and the backlog of open
 * (unsolved) tickets, so the usual backlog band sits where the live backlog runs.
 */
class QuarterModel {
  private waiting = 0;
  private answered = 0;
  private readonly solvedShare: number;

  constructor(
    private readonly profile: TrafficProfile,
    private readonly pressure: number,
    private readonly random: Random,
  ) {
    this.solvedShare = 1 - Math.exp(-(QUARTER_MS / 1000) / (profile.resolutionMedian * RESOLUTION_MEAN_OVER_MEDIAN));
  }

  step(local: LocalTime, arrivalFactor: number): Omit<QuarterRow, 'queueId' | 'slot'> {
    const load = contactLoad(local);
    const inflow = this.poisson((this.profile.arrivalsPerHour * load * this.pressure * arrivalFactor) / 4);
    const hours = this.profile.staffedHours;
    const staffed = !hours || (local.hour >= hours[0] && local.hour < hours[1]);
    const agentsOnline = staffed ? Math.max(1, Math.round(this.profile.peakAgents * (0.3 + 0.7 * load))) : 0;
    const replies = Math.min(this.waiting + inflow, this.poisson((agentsOnline * this.profile.repliesPerAgentHour) / 4));
    const outflow = Math.min(this.answered, this.poisson(this.answered * this.solvedShare));
    this.waiting += inflow - replies;
    this.answered += replies - outflow;
    return { inflow, outflow, backlog: this.waiting + this.answered, agentsOnline };
  }

  private poisson(mean: number): number {
    return poisson(this.random, mean);
  }
}

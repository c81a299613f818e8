// The replay behind `npm run bench -- --only=detection`: weeks of generated arrivals, a minute at a time, through
// the gateway's own baseline, ratio, health tracker and alert manager, in process.
import { ThresholdIndex } from '../shared/health/threshold-model';
import { HealthSettingsSchema } from '../shared/health/threshold-model';
import { DEFAULT_THRESHOLDS } from '../shared/health/default-thresholds';
import type { ThresholdRule, ThresholdSet } from '../shared/health/thresholds';
import { CHANNELS, type Channel } from '../shared/model';
import { EMPTY_METRICS } from '../shared/metrics';
import { AlertManager } from '../server/alerts/alert-manager';
import { demoConfig } from '../server/config/demo-config';
import { InflowAgainstUsual } from '../server/forecast/inflow-against-usual';
import { InflowBaseline } from '../server/forecast/inflow-baseline';
import { HealthTracker } from '../server/health/health-tracker';
import { contactLoad, localTimeReader } from '../server/sources/demo/day-curve';
import { demoPressure } from '../server/sources/demo/demo-pressure';
import { createRandom, hashString, type Random } from '../server/sources/demo/random';
import { TRAFFIC_PROFILES } from '../server/sources/demo/ticket-profiles';
import { QUARTER_MS, type QuarterRow } from '../server/store/quarter-history';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
/** How long an injected doubling lasts, and the longest a detection may take before it counts as missed. */
const SPIKE_MS = HOUR;

export interface Spike {
  queueId: string;
  from: number;
  factor: number;
}

export interface ReplayResult {
  queues: number;
  /** Weeks scored: after the first, which the baseline spends learning. */
  scoredWeeks: number;
  /** Volume alerts opened (episodes: an escalation is the same one), per queue. */
  alarms: Map<string, number>;
  /** Per injected spike: minutes from its start to its alert, or null when none came within the spike. */
  delays: Array<{ queueId: string; minutes: number | null }>;
  /** Quarter hours compared with the baseline's range, and how many fell inside it. */
  slots: number;
  inside: number;
  /** Every quarter hour replayed, for the store's size. */
  rows: QuarterRow[];
}

/** Weekday mornings and afternoons (local 9–17), one doubling per queue every other day, at staggered hours. */
export function doublings(queueIds: readonly string[], start: number, weeks: number, seed: number): Spike[] {
  const spikes: Spike[] = [];
  queueIds.forEach((queueId, q) => {
    const random = createRandom(hashString(`${seed}:spikes:${queueId}`));
    for (let day = 7 + (q % 2); day < weeks * 7; day += 2) {
      const weekday = new Date(start + day * DAY).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      spikes.push({ queueId, from: start + day * DAY + (9 + 7 * random.next()) * HOUR, factor: 2 });
    }
  });
  return spikes;
}

/**
 * Replays `weeks` weeks from `start` (a Monday 00:00 UTC) for every demo queue: Poisson arrivals a minute at a
 * time on the demo's day curve and pressure, with a day-to-day swing of about 8 % (real weeks differ; a pure
 * Poisson stream would flatter the baseline), plus the spikes given. Each minute the volume rule judges the
 * ratio with its built-in levels; each quarter hour is compared with the range the baseline gave for it
 * beforehand and then learnt, as the gateway does.
 */
export interface ReplayKnobs {
  /** Instead of MIN_USUAL_ARRIVALS. */
  minUsualArrivals?: number;
  /** Instead of the built-in volume levels. */
  rule?: ThresholdRule;
  /** The day-to-day swing of arrivals (lognormal sigma); 0.08 unless given. */
  swing?: number;
}

export function replay(start: number, weeks: number, spikes: readonly Spike[], seed = 1, knobs: ReplayKnobs = {}): ReplayResult {
  const config = demoConfig(seed);
  const queues = config.queues;
  const baseline = new InflowBaseline({ queues, offices: config.offices });
  const arrivals = new Map(queues.map((q) => [q.id, new Int32Array(60)]));
  const minuteIndex = (at: number) => Math.floor(at / MINUTE) % 60;
  // The engine's flow window as a ring of the last hour's minutes.
  const counts = {
    flowCounts: (queueId: string, from: number, to: number) => {
      const ring = arrivals.get(queueId)!;
      let inflow = 0;
      for (let at = from; at < to; at += MINUTE) inflow += ring[minuteIndex(at)]!;
      return { inflow, outflow: 0 };
    },
  };
  const usual = new InflowAgainstUsual(baseline, counts, HOUR, knobs.minUsualArrivals);
  const settings = HealthSettingsSchema.parse({});
  const tracker = new HealthTracker(settings);
  let ids = 0;
  const alerts = new AlertManager({ persistence: null, newId: () => `v${++ids}` });
  // Only inflow against the usual is graded: the replay has no other metric.
  const rule = knobs.rule ?? DEFAULT_THRESHOLDS.chat.inflowVsUsual!;
  const index = new ThresholdIndex([], Object.fromEntries(CHANNELS.map((channel) => [channel, { inflowVsUsual: rule }])) as Record<Channel, ThresholdSet>);
  const rules = new Map(queues.map((q) => [q.id, index.resolve(q, null)]));
  const readers = new Map(config.offices.map((o) => [o.id, localTimeReader(o.timeZone)]));
  const randoms = new Map<string, Random>(queues.map((q) => [q.id, createRandom(hashString(`${seed}:${q.id}:bench`))]));
  const swings = new Map<string, number>();
  const result: ReplayResult = { queues: queues.length, scoredWeeks: weeks - 1, alarms: new Map(queues.map((q) => [q.id, 0])), delays: [], slots: 0, inside: 0, rows: [] };
  const pending = new Map(queues.map((q) => [q.id, spikes.filter((s) => s.queueId === q.id)]));
  const detectedAt = new Map<Spike, number>();
  const quarter = new Map(queues.map((q) => [q.id, 0]));
  const scoredFrom = start + WEEK;

  for (let at = start; at < start + weeks * WEEK; at += MINUTE) {
    const rows: QuarterRow[] = [];
    for (const queue of queues) {
      const random = randoms.get(queue.id)!;
      const dayKey = `${queue.id}:${Math.floor(at / DAY)}`;
      let swing = swings.get(dayKey);
      if (swing === undefined) swings.set(dayKey, (swing = Math.exp((knobs.swing ?? 0.08) * random.normal())));
      const spike = pending.get(queue.id)!.find((s) => s.from <= at && at < s.from + SPIKE_MS);
      const rate = (TRAFFIC_PROFILES[queue.channel].arrivalsPerHour / 60) * contactLoad(readers.get(queue.officeId)!(at)) * demoPressure(seed, queue.id) * swing * (spike?.factor ?? 1);
      const count = poisson(rate, random);
      arrivals.get(queue.id)![minuteIndex(at)] = count;
      quarter.set(queue.id, quarter.get(queue.id)! + count);
      const now = at + MINUTE;
      const verdict = tracker.observe({ queueId: queue.id, values: { ...EMPTY_METRICS, inflowVsUsual: usual.ratio(queue.id, now) }, rules: rules.get(queue.id)!, updatedAt: now, staleAfterMs: null, sourceProblem: null, now });
      const wasOpen = alerts.openAlerts().some((a) => a.queueId === queue.id);
      alerts.observe(queue.id, verdict, now);
      const isOpen = alerts.openAlerts().some((a) => a.queueId === queue.id);
      if (!wasOpen && isOpen && now >= scoredFrom) {
        const under = pending.get(queue.id)!.find((s) => s.from <= now && now <= s.from + SPIKE_MS);
        if (under) {
          if (!detectedAt.has(under)) detectedAt.set(under, now);
        } else result.alarms.set(queue.id, result.alarms.get(queue.id)! + 1);
      }
      if (now % QUARTER_MS === 0) {
        const slot = now - QUARTER_MS;
        const range = baseline.usualAt(queue.id, slot);
        const injected = pending.get(queue.id)!.some((s) => s.from < now && slot < s.from + SPIKE_MS);
        if (range && slot >= scoredFrom && !injected) {
          result.slots += 1;
          if (quarter.get(queue.id)! >= range.low && quarter.get(queue.id)! <= range.high) result.inside += 1;
        }
        rows.push({ queueId: queue.id, slot, inflow: quarter.get(queue.id)!, outflow: 0, backlog: null, agentsOnline: null });
        quarter.set(queue.id, 0);
      }
    }
    alerts.takeChanges();
    if (rows.length > 0) {
      baseline.learn(rows);
      result.rows.push(...rows);
    }
  }
  for (const spike of spikes) {
    if (spike.from < scoredFrom) continue;
    const found = detectedAt.get(spike);
    result.delays.push({ queueId: spike.queueId, minutes: found === undefined ? null : (found - spike.from) / MINUTE });
  }
  return result;
}

function poisson(mean: number, random: Random): number {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random.next(); p > limit; p *= random.next()) k++;
  return k;
}

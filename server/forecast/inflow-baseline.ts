import { LEARNING_DAYS } from '../../shared/protocol/usual-inflow';
import { QUARTER_MS, type QuarterRow } from '../store/quarter-history';
import type { InflowExpectation, InflowForecast } from './inflow-forecast';
import { dayOfDate, officeSlots, type OfficeSlot } from './office-slots';

/** How many past weeks of the same weekday and quarter hour it learns from. */
export const BASELINE_WEEKS = 8;
/** The 90th percentile of the standard normal: the range is meant to hold 80 % of quarter hours. */
const Z_80 = 1.2816;
/** Scales the median absolute deviation to a standard deviation (for normal data). */
const MAD_TO_SD = 1.4826;
/**
 * Today's level: how busy the last quarter hours were against their usual, as a moving average (each new quarter
 * weighs 1/8, about two hours), within ±25 %. It follows a busier or quieter day (weeks differ by ~10 %) without
 * ever absorbing a spike, and scales the forecast; COUNT_DAMPING keeps a quiet night's 3-for-1 from moving it.
 */
const LEVEL_WEIGHT = 1 / 8;
const LEVEL_LIMIT = 1.25;
const COUNT_DAMPING = 5;

/** What one quarter hour usually brings: arrivals in it, their range, and how many weeks it is drawn from. */
export interface SlotUsual {
  readonly expected: number;
  readonly low: number;
  readonly high: number;
  readonly weeks: number;
  /** The variance of a new week's count around `expected` (spread and the median's own uncertainty). */
  readonly variance: number;
}

export interface InflowBaselineOptions {
  queues: ReadonlyArray<{ readonly id: string; readonly officeId: string }>;
  /** Each office's zone and holidays (YYYY-MM-DD): those days teach the baseline nothing. */
  offices: ReadonlyArray<{ readonly id: string; readonly timeZone: string; readonly holidays?: readonly string[] }>;
}

interface Sample {
  readonly slot: number;
  readonly inflow: number;
  readonly backlog: number | null;
}

interface QueueMemory {
  readonly slotOf: (at: number) => OfficeSlot;
  readonly holidays: ReadonlySet<number>;
  /** Week slot (weekday × 96 + quarter) → the last BASELINE_WEEKS counts, oldest first. */
  readonly samples: Map<number, Sample[]>;
  readonly days: Set<number>;
  readonly usual: Map<number, SlotUsual>;
  /** log of today's level (see LEVEL_WEIGHT); 0 is the usual. */
  logLevel: number;
  /** The newest slot learnt: the level moves only with slots in time order. */
  newest: number;
}

/**
 * What inflow usually is for a queue at each weekday and quarter hour of its office's week: the median of
 * the same slot in the last eight weeks, with a range meant to hold 80 % of weeks. With eight samples the
 * plain 10th–90th percentiles would hold only about 60 % of new weeks (they sit next to the extremes), so the
 * range is median ± 1.28 spreads, the spread being the median absolute deviation (robust to a past campaign)
 * floored at Poisson noise (√median) and widened by √(1 + 1/n) for the median's own error. Holidays are
 * left out. It is "learning" until it has seen seven days, and then forecasts nothing.
 */
export class InflowBaseline implements InflowForecast {
  private readonly queues = new Map<string, QueueMemory>();
  private learnt = 0;

  constructor(options: InflowBaselineOptions) {
    const offices = new Map(options.offices.map((o) => [o.id, o]));
    for (const queue of options.queues) {
      const office = offices.get(queue.officeId);
      if (!office) throw new Error(`InflowBaseline: queue "${queue.id}" names office "${queue.officeId}", which is not configured`);
      this.queues.set(queue.id, {
        slotOf: officeSlots(office.timeZone),
        holidays: new Set((office.holidays ?? []).map(dayOfDate)),
        samples: new Map(),
        days: new Set(),
        usual: new Map(),
        logLevel: 0,
        newest: -Infinity,
      });
    }
  }

  /** Takes quarter hours in (from the store at start, then from the recorder as each ends); unknown queues are ignored. */
  learn(rows: readonly QuarterRow[]): void {
    if (rows.length > 0) this.learnt++;
    for (const row of rows) {
      const memory = this.queues.get(row.queueId);
      if (!memory) continue;
      const where = memory.slotOf(row.slot);
      if (memory.holidays.has(where.day)) continue;
      if (row.slot > memory.newest) {
        memory.newest = row.slot;
        this.moveLevel(memory, row);
      }
      const samples = memory.samples.get(where.weekSlot) ?? [];
      const same = samples.findIndex((s) => s.slot === row.slot);
      const sample = { slot: row.slot, inflow: row.inflow, backlog: row.backlog };
      if (same >= 0) samples[same] = sample;
      else {
        samples.push(sample);
        samples.sort((a, b) => a.slot - b.slot);
        if (samples.length > BASELINE_WEEKS) samples.splice(0, samples.length - BASELINE_WEEKS);
      }
      memory.samples.set(where.weekSlot, samples);
      memory.usual.delete(where.weekSlot);
      memory.days.add(where.day);
    }
  }

  /** Counts the batches learnt: what was read from it before stays true while this is unchanged. */
  get version(): number {
    return this.learnt;
  }

  /** Days learnt so far, up to LEARNING_DAYS: "learning (3 of 7 days)". */
  learnedDays(queueId: string): number {
    return Math.min(LEARNING_DAYS, this.memory(queueId).days.size);
  }

  /** Where `at` falls in the queue's office week. */
  slotAt(queueId: string, at: number): OfficeSlot {
    return this.memory(queueId).slotOf(at);
  }

  /** Arrivals usual for the quarter hour holding `at`; null while learning or if that slot was never seen. */
  usualAt(queueId: string, at: number): SlotUsual | null {
    const memory = this.memory(queueId);
    if (memory.days.size < LEARNING_DAYS) return null;
    const { weekSlot } = memory.slotOf(at);
    let usual = memory.usual.get(weekSlot);
    if (!usual) {
      const samples = memory.samples.get(weekSlot);
      if (!samples || samples.length === 0) return null;
      usual = usualOf(samples.map((s) => s.inflow));
      memory.usual.set(weekSlot, usual);
    }
    return usual;
  }

  /** The backlog usual at the end of the quarter hour holding `at` (the sparkline's band); null as usualAt. */
  usualBacklogAt(queueId: string, at: number): SlotUsual | null {
    const memory = this.memory(queueId);
    if (memory.days.size < LEARNING_DAYS) return null;
    const backlogs = (memory.samples.get(memory.slotOf(at).weekSlot) ?? []).flatMap((s) => (s.backlog === null ? [] : [s.backlog]));
    return backlogs.length === 0 ? null : usualOf(backlogs);
  }

  /**
   * The contract (inflow-forecast.ts): the usual arrivals between fromMs and toMs, slots counted in part by
   * their overlap; the range from the slots' variances added up. Null while learning or if a slot is unknown.
   */
  expectedArrivals(queueId: string, fromMs: number, toMs: number): InflowExpectation | null {
    if (toMs <= fromMs) return null;
    let expected = 0;
    let variance = 0;
    for (let slot = Math.floor(fromMs / QUARTER_MS) * QUARTER_MS; slot < toMs; slot += QUARTER_MS) {
      const usual = this.usualAt(queueId, slot);
      if (!usual) return null;
      const share = (Math.min(toMs, slot + QUARTER_MS) - Math.max(fromMs, slot)) / QUARTER_MS;
      expected += usual.expected * share;
      variance += usual.variance * share;
    }
    // Today's level scales the span; the range keeps its width relative to it.
    const level = this.levelOf(queueId);
    const half = Z_80 * Math.sqrt(variance) * level;
    expected *= level;
    return { expected, low: Math.max(0, expected - half), high: expected + half };
  }

  /** Today's level for the queue: 1 is the usual, 1.1 a day 10 % busier so far (within ±25 %). */
  levelOf(queueId: string): number {
    return Math.exp(this.memory(queueId).logLevel);
  }

  private moveLevel(memory: QueueMemory, row: QuarterRow): void {
    const usual = memory.days.size >= LEARNING_DAYS ? this.usualAt(row.queueId, row.slot) : null;
    if (!usual) return;
    const observed = Math.log((row.inflow + COUNT_DAMPING) / (usual.expected + COUNT_DAMPING));
    const limit = Math.log(LEVEL_LIMIT);
    memory.logLevel = Math.max(-limit, Math.min(limit, memory.logLevel + LEVEL_WEIGHT * (observed - memory.logLevel)));
  }

  private memory(queueId: string): QueueMemory {
    const memory = this.queues.get(queueId);
    if (!memory) throw new Error(`InflowBaseline: unknown queue "${queueId}"`);
    return memory;
  }
}

/** Median, robust spread and the 80 % range of one slot's past counts. */
export function usualOf(counts: readonly number[]): SlotUsual {
  const sorted = [...counts].sort((a, b) => a - b);
  const median = medianOf(sorted);
  const deviation = medianOf(sorted.map((v) => Math.abs(v - median)).sort((a, b) => a - b));
  const spread = Math.max(MAD_TO_SD * deviation, Math.sqrt(Math.max(median, 1)));
  const variance = spread * spread * (1 + 1 / sorted.length);
  const half = Z_80 * Math.sqrt(variance);
  return { expected: median, low: Math.max(0, median - half), high: median + half, weeks: sorted.length, variance };
}

function medianOf(sorted: readonly number[]): number {
  const middle = sorted.length / 2;
  return sorted.length % 2 === 1 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

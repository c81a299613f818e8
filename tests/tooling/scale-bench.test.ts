import { PacketType } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { sendTimeParser } from '../../bench/support/scale-parser';
import { mergeBursts } from '../../bench/support/scale-fleet';
import { parseScaleOptions } from '../../bench/support/scale-options';
import { busyShare } from '../../bench/support/scale-search';
import { bucketPercentile, LATENCY_CAP_MS, LatencyCounter, mergeBuckets } from '../../bench/support/scale-latency';
import { kneeOf, nextScreens, validatePlan, type StepOutcome, type StepPlan } from '../../bench/support/scale-steps';
import { percentile } from '../../bench/support/table';

// The saturation benchmark's own logic (bench/scale.ts): percentiles over every screen process's deliveries, and the knee search.
describe('latency buckets merged over processes', () => {
  it('give the percentile of all the samples taken together, by the same rule as raw samples', () => {
    const processes = [
      [0.2, 3.9, 3.1, 250.5, 12],
      [7, 7, 7, 99.99, 100.01, 1],
      [40],
    ];
    const counters = processes.map((samples) => {
      const counter = new LatencyCounter();
      for (const sample of samples) counter.record(sample);
      return counter.buckets();
    });
    const merged = mergeBuckets(counters);
    const whole = processes.flat().map(Math.floor);
    for (const q of [0.01, 0.5, 0.9, 0.99, 1]) expect(bucketPercentile(merged, q)).toBe(percentile(whole, q));
    expect(bucketPercentile(merged, 0.99)).toBe(250);
    // Not the mean of the three processes' p99s (130 ms): the slowest deliveries decide the tail.
    expect(bucketPercentile(merged, 0.5)).toBe(7);
  });

  it('count a negative latency as 0 and a huge one in the last bucket, and nothing as NaN', () => {
    const counter = new LatencyCounter();
    counter.record(-3);
    counter.record(10 * LATENCY_CAP_MS);
    expect(counter.buckets()).toEqual([[0, 1], [LATENCY_CAP_MS, 1]]);
    counter.reset();
    expect(bucketPercentile(counter.buckets(), 0.99)).toBeNaN();
    expect(() => bucketPercentile([], 0)).toThrow(/q must be above 0/);
  });
});

const plan: StepPlan = { first: 1000, growth: 2, max: 20_000, refinements: 2, resolution: 0.05 };
/** Runs the search against a server that holds up to `capacity` screens. */
const search = (p: StepPlan, capacity: number): StepOutcome[] => {
  const outcomes: StepOutcome[] = [];
  for (let screens = nextScreens(p, outcomes); screens !== null; screens = nextScreens(p, outcomes)) outcomes.push({ screens, held: screens <= capacity });
  return outcomes;
};

describe('the knee search', () => {
  it('grows by the factor until a step fails, then halves the gap as often as the plan says', () => {
    const outcomes = search(plan, 5000);
    expect(outcomes.map((o) => o.screens)).toEqual([1000, 2000, 4000, 8000, 6000, 5000]);
    expect(kneeOf(outcomes)).toEqual({ held: 5000, failedAt: 6000 });
  });

  it('stops at the maximum when every step holds, and takes the maximum as a step of its own', () => {
    const outcomes = search(plan, 1_000_000);
    expect(outcomes.map((o) => o.screens)).toEqual([1000, 2000, 4000, 8000, 16_000, 20_000]);
    expect(kneeOf(outcomes)).toEqual({ held: 20_000, failedAt: null });
  });

  it('stops refining once the gap is within the resolution', () => {
    const outcomes = search({ ...plan, refinements: 10, resolution: 0.1 }, 5000);
    const { held, failedAt } = kneeOf(outcomes);
    expect(failedAt! - held).toBeLessThanOrEqual(held * 0.1);
    expect(held).toBeLessThanOrEqual(5000);
  });

  it('looks below the first step when even that fails, and reports nothing held if nothing does', () => {
    expect(search(plan, 600).map((o) => o.screens)).toEqual([1000, 500, 750]);
    const none = search({ ...plan, first: 1, refinements: 5 }, 0);
    expect(kneeOf(none)).toEqual({ held: 0, failedAt: 1 });
  });

  it('takes the largest step that held and the smallest above it that failed, when noise makes them cross', () => {
    expect(kneeOf([{ screens: 1000, held: true }, { screens: 2000, held: false }, { screens: 1500, held: false }, { screens: 1250, held: true }]))
      .toEqual({ held: 1250, failedAt: 1500 });
  });

  it('refuses a plan that cannot make progress, naming the field', () => {
    expect(() => validatePlan({ ...plan, growth: 1 })).toThrow(/growth: must be above 1 \(got 1\)/);
    expect(() => validatePlan({ ...plan, max: 10 })).toThrow(/max: must be a whole number, at least first/);
  });
});

describe('the screens\' parser', () => {
  const decode = (packet: { type: number; nsp: string; data: unknown[] }) => {
    const [wire] = new sendTimeParser.Encoder().encode(packet) as string[];
    const decoder = new sendTimeParser.Decoder();
    const decoded: unknown[] = [];
    decoder.on('decoded', (p: unknown) => decoded.push(p));
    decoder.add(wire!);
    return decoded;
  };

  it('reads only the send time of a compact update', () => {
    const update = { t: 1_765_000_000_123, s: 42, l: 'abc', c: [[0, -5, 0, 7]] };
    expect(decode({ type: PacketType.EVENT, nsp: '/', data: ['update', update] })).toEqual([{ type: PacketType.EVENT, nsp: '/', data: ['update', { t: 1_765_000_000_123 }] }]);
  });

  it('parses every other packet in full, as socket.io does', () => {
    const snapshot = { seq: 3, queues: [{ id: 'q-000' }] };
    expect(decode({ type: PacketType.EVENT, nsp: '/', data: ['snapshot', snapshot] })).toEqual([{ type: PacketType.EVENT, nsp: '/', data: ['snapshot', snapshot] }]);
    expect(decode({ type: PacketType.EVENT, nsp: '/', data: ['update', { serverTime: 5, seq: 1, changes: [] }] })[0]).toMatchObject({ data: ['update', { serverTime: 5, seq: 1 }] });
  });
});

describe('the part-run flags', () => {
  it('default to the whole benchmark, and pick configurations, fixed steps, profiles and rounds', () => {
    expect(parseScaleOptions(['--only=scale'])).toEqual({ configs: ['gateway', 'bare', 'cluster', 'bare-cluster'], steps: null, profileDir: null, rounds: 1 });
    expect(parseScaleOptions(['--scale-config=gateway,bare', '--scale-steps=1600,2000', '--scale-profile=/tmp/p', '--scale-rounds=3'])).toEqual({
      configs: ['gateway', 'bare'],
      steps: [1600, 2000],
      profileDir: '/tmp/p',
      rounds: 3,
    });
  });

  it('refuse what they cannot run, naming the flag and the rule', () => {
    expect(() => parseScaleOptions(['--scale-config=gateway,floor'])).toThrow(/--scale-config: expected some of gateway, bare, cluster, bare-cluster .*got "floor"/);
    expect(() => parseScaleOptions(['--scale-steps=1600,lots'])).toThrow(/--scale-steps: expected whole numbers of screens from 1 to 20,000/);
    expect(() => parseScaleOptions(['--scale-steps=0'])).toThrow(/--scale-steps/);
    expect(() => parseScaleOptions(['--scale-profile='])).toThrow(/--scale-profile: expected a folder/);
    expect(() => parseScaleOptions(['--scale-rounds=0'])).toThrow(/--scale-rounds: expected a whole number from 1 to 20/);
  });
});

describe('what a step logs beside its latency', () => {
  it('takes an update\'s first delivery over every process as the earliest and its last as the latest, by send time', () => {
    const merged = mergeBursts([
      [[1000, [3, 40]], [2000, [2, 55]]],
      [[2000, [5, 90]], [1000, [1, 30]]],
      [[3000, [7, 7]]],
    ]);
    expect(merged).toEqual([[1000, [1, 40]], [2000, [2, 90]], [3000, [7, 7]]]);
  });

  it('counts the machine busy as everything but idle and iowait between two /proc/stat readings', () => {
    // user nice system idle iowait irq softirq steal
    const before = [100, 0, 50, 1000, 10, 0, 5, 0];
    const after = [250, 0, 90, 1150, 20, 0, 15, 10];
    // busy 150 + 40 + 10 + 10 = 210 of 370
    expect(busyShare(before, after)).toBeCloseTo(210 / 370, 10);
    expect(busyShare(null, after)).toBeNaN();
    expect(busyShare(before, before)).toBeNaN();
  });
});

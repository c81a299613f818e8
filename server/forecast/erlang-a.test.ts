import { describe, expect, it } from 'vitest';
import { createRandom } from '../sources/demo/random';
import { erlangAAgentsFor, erlangAPerformance, type ImpatientLoad } from './erlang-a';
import { erlangCAgentsFor, erlangCAverageWaitSeconds, erlangCServiceLevel, erlangCWaitProbability } from './erlang-c';

const westbay = { arrivalsPerHour: 720, handleSeconds: 240 };

/**
 * An independent check: M/M/n+M by simulation, first come first served. With FCFS each contact takes the
 * agent that frees first, or gives up when its patience runs out before then (and takes no agent).
 */
function simulate(load: ImpatientLoad, agents: number, targetSeconds: number, arrivals: number) {
  const random = createRandom(19);
  const exponential = (mean: number) => -mean * Math.log(1 - random.next());
  const free = new Array<number>(agents).fill(0);
  let now = 0;
  let waited = 0;
  let abandoned = 0;
  let abandonedWithin = 0;
  let answeredWithin = 0;
  for (let i = 0; i < arrivals; i++) {
    now += exponential(3600 / load.arrivalsPerHour);
    const patience = exponential(load.patienceSeconds);
    let first = 0;
    for (let a = 1; a < agents; a++) if (free[a]! < free[first]!) first = a;
    const wait = Math.max(0, free[first]! - now);
    if (wait > 0) waited++;
    if (wait > patience) {
      abandoned++;
      if (patience <= targetSeconds) abandonedWithin++;
      continue;
    }
    if (wait <= targetSeconds) answeredWithin++;
    free[first] = now + wait + exponential(load.handleSeconds);
  }
  return {
    waitProbability: waited / arrivals,
    abandonShare: abandoned / arrivals,
    answeredWithin: answeredWithin / arrivals,
    serviceLevel: answeredWithin / (arrivals - abandonedWithin),
  };
}

describe('Erlang A', () => {
  it('agrees with a simulation of the M/M/n+M queue', () => {
    const load = { arrivalsPerHour: 60, handleSeconds: 300, patienceSeconds: 120 }; // 5 erlangs
    for (const agents of [4, 6]) {
      const exact = erlangAPerformance(load, agents, 30);
      const simulated = simulate(load, agents, 30, 200_000);
      expect(exact.waitProbability).toBeCloseTo(simulated.waitProbability, 2);
      expect(exact.abandonShare).toBeCloseTo(simulated.abandonShare, 2);
      expect(exact.serviceLevel).toBeCloseTo(simulated.serviceLevel, 2);
      expect(exact.answeredWithin).toBeCloseTo(simulated.answeredWithin, 2);
    }
  });

  it('becomes Erlang C as patience grows without end (the Westbay example again)', () => {
    const patient = erlangAPerformance({ ...westbay, patienceSeconds: 1e9 }, 55, 15);
    expect(patient.waitProbability).toBeCloseTo(erlangCWaitProbability(westbay, 55), 6);
    expect(patient.averageWaitSeconds).toBeCloseTo(erlangCAverageWaitSeconds(westbay, 55), 4);
    expect(patient.serviceLevel).toBeCloseTo(erlangCServiceLevel(westbay, 55, 15), 6);
    expect(patient.abandonShare).toBeLessThan(1e-6);
  });

  it('keeps Little\'s law for the impatient: abandonment = average wait / average patience', () => {
    const load = { ...westbay, patienceSeconds: 90 };
    const result = erlangAPerformance(load, 46, 20);
    expect(result.abandonShare).toBeCloseTo(result.averageWaitSeconds / 90, 12);
  });

  it('stays stable past the load, where Erlang C has no answer: the surplus gives up', () => {
    const overload = { arrivalsPerHour: 100_000, handleSeconds: 300, patienceSeconds: 60 }; // 8,333 erlangs on 1,000 agents
    const result = erlangAPerformance(overload, 1000, 20);
    expect(result.waitProbability).toBeCloseTo(1, 6);
    // Those who hung up within 20 s do not count as answered in time: few are.
    expect(result.serviceLevel).toBeLessThan(0.2);
    // What 1,000 agents do not serve (1 − 1000/8333) abandons.
    expect(result.abandonShare).toBeCloseTo(1 - 1000 / 8333.33, 3);
    expect(erlangCServiceLevel(overload, 1000, 20)).toBe(0);
  });

  it('needs no more agents than Erlang C for the same load and target, and fewer when people hang up', () => {
    const target = { share: 0.8, seconds: 20 };
    for (const arrivalsPerHour of [30, 120, 720, 3000]) {
      for (const handleSeconds of [120, 300, 600]) {
        for (const patienceSeconds of [30, 120, 600]) {
          const load = { arrivalsPerHour, handleSeconds, patienceSeconds };
          expect(erlangAAgentsFor(load, target), JSON.stringify(load)).toBeLessThanOrEqual(erlangCAgentsFor(load, target));
        }
      }
    }
    expect(erlangAAgentsFor({ ...westbay, patienceSeconds: 120 }, target)).toBeLessThan(erlangCAgentsFor(westbay, target));
  });

  it('finds the fewest agents meeting the target: that many meet it, one fewer does not', () => {
    const load = { ...westbay, patienceSeconds: 120 };
    const agents = erlangAAgentsFor(load, { share: 0.8, seconds: 20 });
    expect(erlangAPerformance(load, agents, 20).serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(erlangAPerformance(load, agents - 1, 20).serviceLevel).toBeLessThan(0.8);
  });

  it('names the field of a bad input', () => {
    expect(() => erlangAPerformance({ ...westbay, patienceSeconds: 0 }, 5, 20)).toThrow(/patienceSeconds must be a number more than 0/);
    expect(() => erlangAPerformance({ ...westbay, patienceSeconds: 60 }, 0, 20)).toThrow(/agents must be a whole number 1 or more/);
    expect(() => erlangAPerformance({ ...westbay, patienceSeconds: 60 }, 5, -1)).toThrow(/targetSeconds must be a number of seconds 0 or more/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  erlangB,
  erlangCAgentsFor,
  erlangCAverageWaitSeconds,
  erlangCServiceLevel,
  erlangCWaitProbability,
  erlangs,
  smallestAgents,
} from './erlang-c';

// Westbay Engineers' worked Erlang C example ("The Erlang-C formula", westbay.ndirect.co.uk/erlang.htm, also
// reproduced in the Maxima erlang.mac examples): 360 calls per half hour, 240 s average call duration, 55 agents,
// 15 s answer target: traffic 48 erlangs, probability of waiting 0.2387, average wait 8.184 s, 84.59 % in 15 s.
const westbay = { arrivalsPerHour: 720, handleSeconds: 240 };

describe('Erlang C', () => {
  it('reproduces the published half-hour example', () => {
    expect(erlangs(westbay)).toBe(48);
    expect(erlangCWaitProbability(westbay, 55)).toBeCloseTo(0.2387, 4);
    expect(erlangCAverageWaitSeconds(westbay, 55)).toBeCloseTo(8.184, 3);
    expect(erlangCServiceLevel(westbay, 55, 15)).toBeCloseTo(0.8459, 4);
  });

  it('finds the fewest agents meeting 80/20: that many meet it, one fewer does not', () => {
    const target = { share: 0.8, seconds: 20 };
    const agents = erlangCAgentsFor(westbay, target);
    expect(agents).toBe(54);
    expect(erlangCServiceLevel(westbay, agents, 20)).toBeGreaterThanOrEqual(0.8);
    expect(erlangCServiceLevel(westbay, agents - 1, 20)).toBeLessThan(0.8);
  });

  it('matches the textbook sum for small systems (Erlang B of 2 erlangs on 3 lines is 4/19)', () => {
    expect(erlangB(2, 3)).toBeCloseTo(4 / 19, 12);
    expect(erlangB(2, 0)).toBe(1);
  });

  it('stays finite and ordered at loads where a^n/n! overflows', () => {
    const big = { arrivalsPerHour: 60_000, handleSeconds: 300 }; // 5,000 erlangs
    const agents = erlangCAgentsFor(big, { share: 0.8, seconds: 20 });
    expect(agents).toBeGreaterThan(5000);
    expect(agents).toBeLessThan(5100);
    const waits = erlangCWaitProbability(big, agents);
    expect(Number.isFinite(waits) && waits > 0 && waits < 1).toBe(true);
  });

  it('treats agents at or under the load as a queue that never clears', () => {
    expect(erlangCWaitProbability(westbay, 48)).toBe(1);
    expect(erlangCServiceLevel(westbay, 40, 20)).toBe(0);
    expect(erlangCAverageWaitSeconds(westbay, 48)).toBe(Infinity);
  });

  it('finds the smallest count from any first guess, and says when none up to the limit will do', () => {
    for (const answer of [1, 2, 7, 64, 999]) {
      for (const guess of [1, 3, answer, answer + 1, 5000]) {
        expect(smallestAgents(1, (n) => n >= answer, guess), `answer ${answer}, guess ${guess}`).toBe(answer);
      }
    }
    expect(() => smallestAgents(1, () => false, 10)).toThrow(/no staffing up to 100000 agents meets the target/);
  });

  it('needs nobody when nothing arrives', () => {
    expect(erlangCAgentsFor({ arrivalsPerHour: 0, handleSeconds: 300 }, { share: 0.8, seconds: 20 })).toBe(0);
  });

  it('names the field of a bad input', () => {
    expect(() => erlangs({ arrivalsPerHour: -1, handleSeconds: 300 })).toThrow(/arrivalsPerHour must be a number 0 or more/);
    expect(() => erlangs({ arrivalsPerHour: 10, handleSeconds: 0 })).toThrow(/handleSeconds must be a number more than 0/);
    expect(() => erlangCWaitProbability(westbay, 2.5)).toThrow(/agents must be a whole number/);
    expect(() => erlangCAgentsFor(westbay, { share: 80, seconds: 20 })).toThrow(/target share must be more than 0 and less than 1/);
  });
});

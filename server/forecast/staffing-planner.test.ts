import { describe, expect, it } from 'vitest';
import type { ResolvedRules } from '../../shared/health/threshold-model';
import { EMPTY_METRICS, type MetricValues } from '../../shared/metrics';
import { GatewayConfigSchema } from '../config/config-schema';
import { lisbonQueue, oneOfficeConfig } from '../../tests/support/one-office';
import { erlangAAgentsFor } from './erlang-a';
import type { InflowForecast } from './inflow-forecast';
import { DEFAULT_HANDLE_SECONDS, DEFAULT_PATIENCE_SECONDS, staffingSetups } from './staffing-config';
import { StaffingPlanner } from './staffing-planner';

// 10:00 in Lisbon (WET, UTC+0) on Monday 7 December 2026; the office's day ends at midnight, 14 h on.
const NOW = Date.UTC(2026, 11, 7, 10, 0);
const MIDNIGHT = Date.UTC(2026, 11, 8, 0, 0);

const config = GatewayConfigSchema.parse(
  oneOfficeConfig([
    lisbonQueue(),
    lisbonQueue({ id: 'phone', channel: 'phone', targets: { firstResponseSeconds: 20 }, staffing: { handleTimeSeconds: 240, patienceSeconds: 90 } }),
    lisbonQueue({ id: 'mail', channel: 'email' }),
  ]),
);
const setups = staffingSetups(config.queues, () => 'Europe/Lisbon');
const rules = (warning: number | null): ResolvedRules =>
  warning === null ? {} : { slaAttainment: { rule: { direction: 'lower-is-worse', warning, critical: warning - 10 } } as never };

const values = (over: Partial<MetricValues>): MetricValues => ({ ...EMPTY_METRICS, ...over });

function planner(forecast: InflowForecast | null, handleTimes: Record<string, number> = {}) {
  return new StaffingPlanner({ setups, forecast, handleTimeOf: (id) => handleTimes[id] ?? null });
}

/** A baseline that knows every span: `perHour` arrivals an hour, range ±20 %; records what it was asked. */
function steadyForecast(perHour: number) {
  const asked: Array<{ queueId: string; fromMs: number; toMs: number }> = [];
  const forecast: InflowForecast = {
    expectedArrivals: (queueId, fromMs, toMs) => {
      asked.push({ queueId, fromMs, toMs });
      const expected = (perHour * (toMs - fromMs)) / 3_600_000;
      return { expected, low: expected * 0.8, high: expected * 1.2 };
    },
  };
  return { forecast, asked };
}

describe('the staffing planner', () => {
  it('staffs chat by Erlang A from the usual arrivals of the next 30 minutes, its default handle time and patience', () => {
    const { forecast, asked } = steadyForecast(120);
    const result = planner(forecast).assess('chat', values({ inflowPerHour: 40, agentsOnline: 9, outflowPerHour: 100 }), rules(90), NOW);
    const needed = erlangAAgentsFor({ arrivalsPerHour: 120, handleSeconds: DEFAULT_HANDLE_SECONDS.chat, patienceSeconds: DEFAULT_PATIENCE_SECONDS.chat }, { share: 0.9, seconds: 120 });
    expect(asked[0]).toEqual({ queueId: 'chat', fromMs: NOW, toMs: NOW + 30 * 60_000 });
    expect(result.staffing).toMatchObject({ method: 'erlang-a', basis: 'usual', spanMinutes: 30, needed, online: 9, handleSeconds: 480, handleFrom: 'default' });
    expect(result.staffingGap).toBe(Math.max(0, needed - 9));
  });

  it('falls back to the recent inflow when there is no baseline, and says so', () => {
    const result = planner(null).assess('chat', values({ inflowPerHour: 120, agentsOnline: 9 }), rules(90), NOW);
    expect(result.staffing?.basis).toBe('recent');
    expect(result.staffing?.needed).toBe(
      erlangAAgentsFor({ arrivalsPerHour: 120, handleSeconds: 480, patienceSeconds: 180 }, { share: 0.9, seconds: 120 }),
    );
  });

  it('falls back to the recent inflow while the baseline is still learning', () => {
    const learning: InflowForecast = { expectedArrivals: () => null };
    expect(planner(learning).assess('chat', values({ inflowPerHour: 60 }), rules(90), NOW).staffing?.basis).toBe('recent');
  });

  it('takes the handle time from a reading over the setting, and the setting over the default', () => {
    const { forecast } = steadyForecast(200);
    const phone = values({ inflowPerHour: 200, agentsOnline: 20 });
    expect(planner(forecast).assess('phone', phone, rules(80), NOW).staffing).toMatchObject({ handleSeconds: 240, handleFrom: 'setting' });
    expect(planner(forecast, { phone: 300 }).assess('phone', phone, rules(80), NOW).staffing).toMatchObject({ handleSeconds: 300, handleFrom: 'reading' });
    const needed = planner(forecast).assess('phone', phone, rules(80), NOW).staffing!.needed;
    expect(needed).toBe(erlangAAgentsFor({ arrivalsPerHour: 200, handleSeconds: 240, patienceSeconds: 90 }, { share: 0.8, seconds: 20 }));
  });

  it('holds a queue to 80/… when slaAttainment is ungraded for it', () => {
    const { forecast } = steadyForecast(200);
    const needed = planner(forecast).assess('phone', values({ inflowPerHour: 200 }), rules(null), NOW).staffing!.needed;
    expect(needed).toBe(erlangAAgentsFor({ arrivalsPerHour: 200, handleSeconds: 240, patienceSeconds: 90 }, { share: 0.8, seconds: 20 }));
  });

  it('staffs email by workload over its first-response target: backlog plus arrivals in 8 h', () => {
    const { forecast, asked } = steadyForecast(200);
    const result = planner(forecast).assess('mail', values({ backlog: 1500, inflowPerHour: 180, agentsOnline: 40 }), rules(90), NOW);
    expect(asked[0]).toEqual({ queueId: 'mail', fromMs: NOW, toMs: NOW + 8 * 3_600_000 });
    // (1500 + 1600) × 480 s over 8 h = 51.7 → 52.
    expect(result.staffing).toMatchObject({ method: 'workload', spanMinutes: 480, needed: 52, online: 40 });
    expect(result.staffingGap).toBe(12);
  });

  it('has a need but no gap when the source does not report agents', () => {
    const result = planner(null).assess('mail', values({ backlog: 100, inflowPerHour: 10 }), rules(90), NOW);
    expect(result.staffing?.online).toBeNull();
    expect(result.staffingGap).toBeNull();
  });

  it('projects the SLA to the office\'s midnight with a range from the forecast, held to the queue\'s target', () => {
    const { forecast, asked } = steadyForecast(100);
    const result = planner(forecast).assess('mail', values({ backlog: 300, inflowPerHour: 100, outflowPerHour: 110, oldestWaitingSeconds: 600, slaAttainment: 97 }), rules(90), NOW);
    expect(asked[1]).toEqual({ queueId: 'mail', fromMs: NOW, toMs: MIDNIGHT });
    expect(result.staffing?.sla).toMatchObject({ target: 90, until: MIDNIGHT });
    const sla = result.staffing!.sla!;
    expect(sla.low).toBeLessThanOrEqual(sla.expected);
    expect(sla.high).toBeGreaterThanOrEqual(sla.expected);
    expect(result.slaOutlook).toBe(sla.expected);
  });

  it('shows a falling outlook when the forecast outruns the agents', () => {
    const { forecast } = steadyForecast(400);
    const result = planner(forecast).assess('chat', values({ inflowPerHour: 100, outflowPerHour: 100, agentsOnline: 10, slaAttainment: 95 }), rules(90), NOW);
    // 400 an hour of 8-minute chats is 53 erlangs on 10 agents: most give up or wait.
    expect(result.slaOutlook!).toBeLessThan(50);
    expect(result.staffing!.needed).toBe(erlangAAgentsFor({ arrivalsPerHour: 400, handleSeconds: 480, patienceSeconds: 180 }, { share: 0.9, seconds: 120 }));
    expect(result.staffingGap).toBe(result.staffing!.needed - 10);
  });

  it('has nothing to say about a queue with no inflow figure and no baseline', () => {
    expect(planner(null).assess('chat', values({}), rules(90), NOW)).toEqual({ staffingGap: null, slaOutlook: null, staffing: null });
  });

  it('keeps an assessment for a minute, and recomputes at once when the rules change', () => {
    let calls = 0;
    const counting: InflowForecast = { expectedArrivals: (_q, from, to) => (calls++, { expected: (to - from) / 60_000, low: 0, high: 1000 }) };
    const plan = planner(counting);
    const inputs = values({ inflowPerHour: 60, outflowPerHour: 60 });
    const first = rules(90);
    plan.assess('chat', inputs, first, NOW);
    const afterFirst = calls;
    plan.assess('chat', inputs, first, NOW + 59_000);
    expect(calls).toBe(afterFirst);
    plan.assess('chat', inputs, rules(80), NOW + 59_000);
    expect(calls).toBeGreaterThan(afterFirst);
    const afterRules = calls;
    plan.assess('chat', inputs, rules(80), NOW + 59_000 + 60_000);
    expect(calls).toBeGreaterThan(afterRules);
  });
});

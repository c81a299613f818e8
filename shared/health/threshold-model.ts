import { z } from 'zod';
import { MAX_DURATION_SECONDS, METRIC_IDS, METRICS, type MetricId } from '../metrics';
import { hhMmSchema, minutesOfHhMm } from '../time/hh-mm';
import { SlugSchema, type Channel, type Queue } from '../model';
import { DEFAULT_THRESHOLDS } from './default-thresholds';
import { thresholdKeyId, ThresholdKeySchema, type ThresholdScope } from './threshold-record';
import { describeRuleIssue, ruleIssues } from './rule-issues';
import type { ThresholdRule } from './thresholds';


/** Durations a manager may set for pending and recovery periods: a second to a day. */
const periodSeconds = z
  .number()
  .int('must be a whole number of seconds')
  .min(1, 'must be at least 1 second')
  .max(24 * 3600, 'must be at most 24 hours (86400 seconds)');

const level = z.number().refine(Number.isFinite, 'must be a finite number').min(0, 'must be 0 or more').max(MAX_DURATION_SECONDS, 'is too large');

/**
 * One override of a metric's levels for every queue (`default`), an office or a queue, always or only
 * while a time-of-day profile is active (`profile`, '' for always). Validated when it enters.
 */
export const ThresholdOverrideSchema = z
  .object({
    ...ThresholdKeySchema.shape,
    warning: level,
    critical: level,
    pendingSeconds: periodSeconds.nullable().default(null),
    recoverySeconds: periodSeconds.nullable().default(null),
  })
  .strict()
  .superRefine((o, ctx) => {
    if ((o.scope === 'default') !== (o.scopeId === '')) {
      ctx.addIssue({ code: 'custom', path: ['scopeId'], message: o.scope === 'default' ? 'must be empty for the default scope' : `must name the ${o.scope}` });
    }
    // The levels' own checks have spoken already when one is not a sound number; only the order is left.
    if (!(o.warning >= 0 && o.critical >= 0) || !METRICS[o.metric]) return;
    for (const issue of ruleIssues({ direction: METRICS[o.metric].direction, warning: o.warning, critical: o.critical })) {
      ctx.addIssue({ code: 'custom', path: [issue.field ?? 'warning'], message: describeRuleIssue(issue), params: issue });
    }
  });
export type ThresholdOverride = z.output<typeof ThresholdOverrideSchema>;
export type ThresholdOverrideInput = z.input<typeof ThresholdOverrideSchema>;

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];
const clockTime = hhMmSchema();

/**
 * A time-of-day profile (night shift, weekend) in each office's own time zone. A window whose `to` is
 * before its `from` runs past midnight and belongs to the day it starts on.
 */
export const HealthProfileSchema = z
  .object({
    id: SlugSchema,
    name: z.string().min(1).max(80),
    days: z.array(z.enum(DAYS)).min(1, 'must name at least one day').default([...DAYS]),
    from: clockTime,
    to: clockTime,
    /** Offices it applies to; absent means every office. */
    officeIds: z.array(SlugSchema).min(1).optional(),
  })
  .strict();
export type HealthProfile = z.output<typeof HealthProfileSchema>;

/** How health is judged over time, for every queue unless a rule says otherwise. */
export const HealthSettingsSchema = z
  .object({
    pendingSeconds: periodSeconds.default(120),
    recoverySeconds: periodSeconds.default(120),
    /** A level clears only when the value is this share of the warning-to-critical gap on the good side. */
    recoveryMargin: z.number().min(0).max(1, 'must be a share from 0 to 1').default(0.1),
    /** A queue is stale when its latest data is older than this many times its expected update interval. */
    stalenessFactor: z.number().min(1.5, 'must be at least 1.5').max(100).default(3),
    /** A queue projected to reach critical within this many minutes is flagged at risk. */
    atRiskHorizonMinutes: z.number().int().min(1).max(24 * 60).default(30),
    /** Profiles are tried in order; the first active one applies. */
    profiles: z.array(HealthProfileSchema).default([]),
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.profiles.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['profiles', i, 'id'], message: `duplicates id "${p.id}"` });
      seen.add(p.id);
    });
  });
export type HealthSettings = z.output<typeof HealthSettingsSchema>;
export const DEFAULT_HEALTH_SETTINGS: HealthSettings = HealthSettingsSchema.parse({});

/** Where a metric's rule came from, so the settings pane can say what a value inherits. */
export interface RuleOrigin {
  readonly scope: ThresholdScope | 'built-in';
  readonly scopeId: string;
  readonly profile: string;
}

export interface ResolvedRule {
  readonly rule: ThresholdRule;
  readonly origin: RuleOrigin;
}

export type ResolvedRules = Readonly<Partial<Record<MetricId, ResolvedRule>>>;

/** Overrides indexed for lookup. Built once per change of the overrides, not per evaluation. */
export class ThresholdIndex {
  private readonly byKey = new Map<string, ThresholdOverride>();

  constructor(
    readonly overrides: readonly ThresholdOverride[],
    private readonly builtIn: Readonly<Record<Channel, Readonly<Partial<Record<MetricId, ThresholdRule>>>>> = DEFAULT_THRESHOLDS,
  ) {
    for (const o of overrides) this.byKey.set(thresholdKeyId(o), o);
  }

  /**
   * The rules for a queue while `profile` is active (null for none). The most specific scope wins
   * (queue, then office, then default, then built-in per channel); within a scope the profile's value beats
   * the always value. A metric the queue's configuration lists as `ungraded` has no rule at all.
   */
  resolve(queue: Pick<Queue, 'id' | 'officeId' | 'channel' | 'ungraded'>, profile: string | null): ResolvedRules {
    const rules: Partial<Record<MetricId, ResolvedRule>> = {};
    for (const metric of METRIC_IDS) {
      if (queue.ungraded?.includes(metric)) continue;
      const found = this.find(queue, metric, profile);
      if (found) {
        rules[metric] = {
          rule: {
            direction: METRICS[metric].direction,
            warning: found.warning,
            critical: found.critical,
            ...(found.pendingSeconds !== null ? { pendingSeconds: found.pendingSeconds } : {}),
            ...(found.recoverySeconds !== null ? { recoverySeconds: found.recoverySeconds } : {}),
          },
          origin: { scope: found.scope, scopeId: found.scopeId, profile: found.profile },
        };
        continue;
      }
      const builtIn = this.builtIn[queue.channel][metric];
      if (builtIn) rules[metric] = { rule: builtIn, origin: { scope: 'built-in', scopeId: queue.channel, profile: '' } };
    }
    return rules;
  }

  private find(queue: Pick<Queue, 'id' | 'officeId'>, metric: MetricId, profile: string | null): ThresholdOverride | undefined {
    const scopes: Array<[ThresholdScope, string]> = [['queue', queue.id], ['office', queue.officeId], ['default', '']];
    for (const [scope, scopeId] of scopes) {
      const hit = (profile && this.byKey.get(thresholdKeyId({ scope, scopeId, metric, profile }))) || this.byKey.get(thresholdKeyId({ scope, scopeId, metric, profile: '' }));
      if (hit) return hit;
    }
    return undefined;
  }
}

/** The profile active for an office at a local day and minute of day, or null. */
export function activeProfile(profiles: readonly HealthProfile[], officeId: string, day: Day, minuteOfDay: number): HealthProfile | null {
  const previous = DAYS[(DAYS.indexOf(day) + 6) % 7]!;
  for (const p of profiles) {
    if (p.officeIds && !p.officeIds.includes(officeId)) continue;
    const from = minutesOfHhMm(p.from);
    const to = minutesOfHhMm(p.to);
    const inWindow =
      from === to
        ? p.days.includes(day)
        : from < to
          ? p.days.includes(day) && minuteOfDay >= from && minuteOfDay < to
          : (p.days.includes(day) && minuteOfDay >= from) || (p.days.includes(previous) && minuteOfDay < to);
    if (inWindow) return p;
  }
  return null;
}

const WEEKDAY: Readonly<Record<string, Day>> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };

/** Reads the local day and minute of day in a time zone. Make one per office; formatters are costly to build. */
export function localClock(timeZone: string): (at: number) => { day: Day; minuteOfDay: number } {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return (at) => {
    const parts = format.formatToParts(at);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return { day: WEEKDAY[get('weekday')] ?? 'mon', minuteOfDay: Number(get('hour')) * 60 + Number(get('minute')) };
  };
}

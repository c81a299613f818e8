import { describeIssues } from '../../shared/protocol/validation';
import { activeProfile, localClock, ThresholdIndex, ThresholdOverrideSchema, type HealthSettings, type ResolvedRules, type ThresholdOverride } from '../../shared/health/threshold-model';
import type { Office, Queue } from '../../shared/model';

/**
 * The rules in force for each queue now: overrides from the store over the built-in defaults, with the
 * time-of-day profile active in the queue's office. Answers with the same object until something changes,
 * so the health tracker can tell a rule change (which restarts a metric's debouncing) from a new tick.
 */
export class ThresholdService {
  private index: ThresholdIndex;
  private readonly clocks: ReadonlyMap<string, ReturnType<typeof localClock>>;
  private readonly cache = new Map<string, { profile: string | null; rules: ResolvedRules }>();
  private readonly profileByOffice = new Map<string, { minute: number; profile: string | null }>();

  constructor(
    offices: readonly Office[],
    private readonly settings: HealthSettings,
    overrides: readonly ThresholdOverride[] = [],
  ) {
    this.index = new ThresholdIndex(overrides);
    this.clocks = new Map(offices.map((o) => [o.id, localClock(o.timeZone)]));
  }

  get overrides(): readonly ThresholdOverride[] {
    return this.index.overrides;
  }

  /** Replaces every override at once (after a save, an import or a revert). */
  replace(overrides: readonly ThresholdOverride[]): void {
    this.index = new ThresholdIndex(overrides);
    this.cache.clear();
  }

  /** The profile active in an office at `now`, looked up at most once per minute. */
  profileAt(officeId: string, now: number): string | null {
    const minute = Math.floor(now / 60_000);
    const cached = this.profileByOffice.get(officeId);
    if (cached && cached.minute === minute) return cached.profile;
    const clock = this.clocks.get(officeId);
    const local = clock ? clock(now) : null;
    const profile = local ? (activeProfile(this.settings.profiles, officeId, local.day, local.minuteOfDay)?.id ?? null) : null;
    this.profileByOffice.set(officeId, { minute, profile });
    return profile;
  }

  rulesFor(queue: Queue, now: number): ResolvedRules {
    const profile = this.profileAt(queue.officeId, now);
    const cached = this.cache.get(queue.id);
    if (cached && cached.profile === profile) return cached.rules;
    const rules = this.index.resolve(queue, profile);
    this.cache.set(queue.id, { profile, rules });
    return rules;
  }
}

/**
 * Checks stored or imported overrides once, as they enter: the valid ones, and for each invalid one a
 * sentence naming the entry and the field.
 */
export function parseOverrides(rows: readonly unknown[]): { overrides: ThresholdOverride[]; problems: string[] } {
  const overrides: ThresholdOverride[] = [];
  const problems: string[] = [];
  rows.forEach((row, index) => {
    const parsed = ThresholdOverrideSchema.safeParse(row);
    if (parsed.success) overrides.push(parsed.data);
    else problems.push(...describeIssues(parsed.error.issues).map((issue) => `thresholds[${index}].${issue}`));
  });
  return { overrides, problems };
}

/**
 * The static schema cannot know "now", so the bound on how far ahead an `at` may lie is checked where
 * input arrives: a reading dated in the future would otherwise keep its queue fresh (never stale).
 */
export const DEFAULT_MAX_FUTURE_SKEW_SECONDS = 300;

/** Returns an error naming the field, its value and the gateway's time, or null when `at` is acceptable. */
export function futureSkewError(field: string, at: number, now: number, maxSkewSeconds: number): string | null {
  const aheadSeconds = (at - now) / 1000;
  if (aheadSeconds <= maxSkewSeconds) return null;
  return (
    `${field}: ${new Date(at).toISOString()} is ${aheadSeconds.toPrecision(2)} s ahead of the gateway's clock ` +
    `(${new Date(now).toISOString()}); at most ${maxSkewSeconds} s ahead is accepted`
  );
}

/** Every `at` of a parsed batch (`events[i].at`) or reading (`at`) beyond the skew, as issues to refuse it with. */
export function futureSkewIssues(body: { at: number } | { events: ReadonlyArray<{ at: number }> }, now: number, maxSkewSeconds: number): string[] {
  const dated = 'events' in body ? body.events.map((event, i) => [`events[${i}].at`, event.at] as const) : [['at', body.at] as const];
  return dated.flatMap(([field, at]) => futureSkewError(field, at, now, maxSkewSeconds) ?? []);
}

/** A metric's level under its rule. */
export type Level = 'ok' | 'warning' | 'critical';
/**
 * A queue's overall status: the worst metric level; `no-data` before anything was reported; `stale` when
 * its latest data is too old or its source is down (never green: old numbers are not live numbers).
 */
export type QueueStatus = Level | 'no-data' | 'stale';
/** What a screen ranks a queue by: its status, with "projected to breach" (at risk) as its own step. */
export type Severity = QueueStatus | 'at-risk';

/**
 * The one ranking, worst first. At risk sits between critical and warning; stale ranks above OK, so a
 * screen never claims all is well while some of its data is old; no data is last.
 */
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'at-risk', 'warning', 'stale', 'ok', 'no-data'];
const RANK = Object.fromEntries(SEVERITY_ORDER.map((s, i) => [s, SEVERITY_ORDER.length - i])) as Readonly<Record<Severity, number>>;

/** Above 0 when `a` is worse than `b`, below 0 when better, 0 when the same. Sort worst first with `(a, b) => compareSeverity(b, a)`. */
export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[a] - RANK[b];
}

export function compareLevels(a: Level, b: Level): number {
  return compareSeverity(a, b);
}

/** The worst level; `ok` when there is none. */
export function worstLevel(levels: Iterable<Level>): Level {
  let worst: Level = 'ok';
  for (const level of levels) if (RANK[level] > RANK[worst]) worst = level;
  return worst;
}

/** The worst status (for a wall header or the tray); `no-data` when there is none. */
export function worstStatus(statuses: Iterable<QueueStatus>): QueueStatus {
  let worst: QueueStatus = 'no-data';
  for (const status of statuses) if (RANK[status] > RANK[worst]) worst = status;
  return worst;
}

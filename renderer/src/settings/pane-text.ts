import { METRICS } from '../../../shared/metrics';
import type { Office, Queue } from '../../../shared/model';
import type { StoredOverride, ThresholdChange, ThresholdKey } from '../../../shared/protocol/admin-protocol';
import { formatLevel } from './level-text';

/** A key as a manager names it: "Chat Portugal · Backlog", "Lisbon office · SLA attainment". */
export function describeKey(key: Pick<ThresholdKey, 'scope' | 'scopeId' | 'metric' | 'profile'>, offices: readonly Office[], queues: readonly Queue[]): string {
  const where =
    key.scope === 'default'
      ? 'Every queue'
      : key.scope === 'office'
        ? `${offices.find((o) => o.id === key.scopeId)?.name ?? key.scopeId} office`
        : (queues.find((q) => q.id === key.scopeId)?.name ?? key.scopeId);
  return `${where} · ${METRICS[key.metric].label}${key.profile ? ` (${key.profile})` : ''}`;
}

/** The gateway names a change by its index ("changes[3].value.warning"); say which row it is instead. */
export function nameIssues(issues: readonly string[], changes: readonly ThresholdChange[], offices: readonly Office[], queues: readonly Queue[]): string[] {
  return issues.map((issue) =>
    issue.replace(/^changes\[(\d+)\](?:\.value|\.key)?\.?/, (whole, n: string) => {
      const change = changes[Number(n)];
      return change ? `${describeKey(change.key, offices, queues)} — ` : whole;
    }),
  );
}

/** What someone else did to a row being edited. */
export function changedUnderneathText(stored: StoredOverride | undefined): string {
  if (!stored) return 'Someone removed this override since you started editing; it now inherits.';
  const w = formatLevel(stored.metric, stored.warning);
  const c = formatLevel(stored.metric, stored.critical);
  return `${stored.updatedBy} changed this to warning ${w}, critical ${c} since you started editing.`;
}

import type { TFunction } from 'i18next';
import type { Office, Queue } from '../../../shared/model';
import type { StoredOverride, ThresholdChange, ThresholdKey } from '../../../shared/protocol/admin-protocol';
import { formatLevel } from './level-text';

/** A key as a manager names it: "Chat Portugal · Backlog", "Lisbon office · SLA". */
export function describeKey(key: Pick<ThresholdKey, 'scope' | 'scopeId' | 'metric' | 'profile'>, offices: readonly Office[], queues: readonly Queue[], t: TFunction): string {
  const where =
    key.scope === 'default'
      ? t('settings.key.everyQueue')
      : key.scope === 'office'
        ? t('settings.key.office', { name: offices.find((o) => o.id === key.scopeId)?.name ?? key.scopeId })
        : (queues.find((q) => q.id === key.scopeId)?.name ?? key.scopeId);
  const metric = t(`metric.${key.metric}`);
  return key.profile ? t('settings.key.withProfile', { where, metric, profile: key.profile }) : t('settings.key.key', { where, metric });
}

/** The gateway names a change by its index ("changes[3].value.warning"); say which row it is instead. */
export function nameIssues(issues: readonly string[], changes: readonly ThresholdChange[], offices: readonly Office[], queues: readonly Queue[], t: TFunction): string[] {
  return issues.map((issue) =>
    issue.replace(/^changes\[(\d+)\](?:\.value|\.key)?\.?/, (whole, n: string) => {
      const change = changes[Number(n)];
      return change ? `${describeKey(change.key, offices, queues, t)} — ` : whole;
    }),
  );
}

/** What someone else did to a row being edited. */
export function changedUnderneathText(stored: StoredOverride | undefined, t: TFunction): string {
  if (!stored) return t('settings.changed.removed');
  const warning = formatLevel(stored.metric, stored.warning);
  const critical = formatLevel(stored.metric, stored.critical);
  return t('settings.changed.changed', { name: stored.updatedBy, warning, critical });
}

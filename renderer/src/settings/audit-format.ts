import type { TFunction } from 'i18next';
import { THRESHOLD_SCOPES, type ThresholdKey, type ThresholdScope, type ThresholdValue } from '../../../shared/health/threshold-record';
import { METRIC_IDS, type MetricId } from '../../../shared/metrics';
import type { Office, Queue } from '../../../shared/model';
import type { AuditEntryMessage } from '../../../shared/protocol/admin-protocol';
import { formatDurationInput, formatLevel } from './level-text';
import { describeKey } from './pane-text';

/** What an audit entry shows of a stored override (its before or after). */
type AuditLevels = ThresholdKey & Pick<ThresholdValue, 'warning' | 'critical' | 'pendingSeconds'>;

export interface AuditLine {
  what: string;
  action: string;
  before: string;
  after: string;
}

/** The gateway's audit actions, by their word's key in the catalogue. */
const ACTIONS: Readonly<Record<string, string>> = {
  'threshold.put': 'settings.auditPane.action.put', 'threshold.remove': 'settings.auditPane.action.remove',
  'threshold.import': 'settings.auditPane.action.import', 'threshold.revert': 'settings.auditPane.action.revert',
  'broadcast.post': 'broadcasts.audit.post', 'broadcast.edit': 'broadcasts.audit.edit', 'broadcast.end': 'broadcasts.audit.end',
};

/** An audit entry in words: which threshold, what was done, old → new levels. */
export function describeAuditEntry(entry: AuditEntryMessage, offices: readonly Office[], queues: readonly Queue[], t: TFunction): AuditLine {
  const actionKey = ACTIONS[entry.action];
  const before = levelsOf(entry.before);
  const after = levelsOf(entry.after);
  const key = after ?? before;
  return {
    what: key ? describeKey(key, offices, queues, t) : entry.subject,
    // An action this screen does not know yet is shown as the gateway names it.
    action: actionKey ? t(actionKey) : entry.action,
    before: key ? formatLevels(before, t) : summarize(entry.before),
    after: key ? formatLevels(after, t) : summarize(entry.after),
  };
}

function formatLevels(levels: AuditLevels | null, t: TFunction): string {
  if (!levels) return t('settings.auditPane.inherited');
  const pending = levels.pendingSeconds === null ? t('settings.auditPane.defaultPending') : formatDurationInput(levels.pendingSeconds);
  return t('settings.auditPane.levels', { warning: formatLevel(levels.metric, levels.warning), critical: formatLevel(levels.metric, levels.critical), pending });
}

function levelsOf(value: unknown): AuditLevels | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (!THRESHOLD_SCOPES.includes(v.scope as ThresholdScope) || !METRIC_IDS.includes(v.metric as MetricId)) return null;
  if (typeof v.warning !== 'number' || typeof v.critical !== 'number') return null;
  return {
    scope: v.scope as AuditLevels['scope'],
    scopeId: String(v.scopeId ?? ''),
    metric: v.metric as MetricId,
    profile: String(v.profile ?? ''),
    warning: v.warning,
    critical: v.critical,
    pendingSeconds: typeof v.pendingSeconds === 'number' ? v.pendingSeconds : null,
  };
}

function summarize(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

import type { TFunction } from 'i18next';
import { ThresholdIndex, type RuleOrigin, type ThresholdOverride } from '../../../shared/health/threshold-model';
import type { MetricId } from '../../../shared/metrics';
import type { Office, Queue } from '../../../shared/model';
import { thresholdKeyId as keyId, type ThresholdKey } from '../../../shared/health/threshold-record';
import type { EditedLevels } from './threshold-draft';

/** One editable line of the table: every queue (default), an office, or a queue, for one metric. */
export interface LevelRow {
  id: string;
  key: ThresholdKey;
  label: string;
  queue: Queue | null;
  /** The levels in force here (edits included); null when nothing grades this metric here. */
  effective: EditedLevels | null;
  /** Where `effective` comes from (built-in per channel above the queues); null when a queue's metric is not graded. */
  origin: RuleOrigin | null;
  /** Whether this row holds its own override (so "reset to inherited" means something). */
  own: boolean;
}

export interface OfficeGroup {
  office: Office;
  officeRow: LevelRow;
  queues: LevelRow[];
}

export interface ThresholdTableModel {
  defaultRow: LevelRow;
  groups: OfficeGroup[];
}

/**
 * The table for one metric under one profile ('' for always), judged by `overrides` (saved ones with the
 * edits applied). Queues resolve exactly as the gateway does; office and default rows show the nearest
 * override above them, or say the built-in value depends on the channel.
 */
export function buildTableModel(
  offices: readonly Office[],
  queues: readonly Queue[],
  overrides: readonly ThresholdOverride[],
  metric: MetricId,
  profile: string,
  t: TFunction,
): ThresholdTableModel {
  const index = new ThresholdIndex(overrides);
  const byKey = new Map(overrides.map((o) => [keyId(o), o]));
  const lookup = (chain: Array<[ThresholdKey['scope'], string]>): ThresholdOverride | undefined => {
    for (const [scope, scopeId] of chain) {
      const hit = (profile && byKey.get(keyId({ scope, scopeId, metric, profile }))) || byKey.get(keyId({ scope, scopeId, metric, profile: '' }));
      if (hit) return hit;
    }
    return undefined;
  };
  const scopeRow = (scope: 'default' | 'office', scopeId: string, label: string, chain: Array<[ThresholdKey['scope'], string]>): LevelRow => {
    const key: ThresholdKey = { scope, scopeId, metric, profile };
    const found = lookup(chain);
    return {
      id: keyId(key),
      key,
      label,
      queue: null,
      effective: found ? { warning: found.warning, critical: found.critical, pendingSeconds: found.pendingSeconds } : null,
      origin: found ? { scope: found.scope, scopeId: found.scopeId, profile: found.profile } : BUILT_IN_PER_CHANNEL,
      own: byKey.has(keyId(key)),
    };
  };

  const defaultRow = scopeRow('default', '', t('settings.table.everyQueue'), [['default', '']]);
  const groups = offices.map((office) => ({
    office,
    officeRow: scopeRow('office', office.id, t('settings.table.officeQueues', { name: office.name }), [['office', office.id], ['default', '']]),
    queues: queues
      .filter((q) => q.officeId === office.id)
      .map((queue): LevelRow => {
        const key: ThresholdKey = { scope: 'queue', scopeId: queue.id, metric, profile };
        const resolved = index.resolve(queue, profile || null)[metric];
        return {
          id: keyId(key),
          key,
          label: queue.name,
          queue,
          effective: resolved ? { warning: resolved.rule.warning, critical: resolved.rule.critical, pendingSeconds: resolved.rule.pendingSeconds ?? null } : null,
          origin: resolved?.origin ?? null,
          own: byKey.has(keyId(key)),
        };
      }),
  }));
  return { defaultRow, groups };
}

/** Above the queues, with no override, each queue falls back to its channel's built-in levels. */
export const BUILT_IN_PER_CHANNEL: RuleOrigin = { scope: 'built-in', scopeId: 'per channel', profile: '' };

/** Words for where a value comes from: "built-in (chat)", "office Lisbon", "queue", plus the profile. */
export function describeOrigin(origin: RuleOrigin | null, offices: readonly Office[], profileName: (id: string) => string, t: TFunction): string {
  if (!origin) return t('settings.origin.notGraded');
  const base =
    origin.scope === 'built-in' && origin.scopeId === BUILT_IN_PER_CHANNEL.scopeId
      ? t('settings.origin.builtInPerChannel')
      : origin.scope === 'built-in'
        ? // Mid-sentence, so lower case: "built-in (chat)", "de origem (telefone)".
          t('settings.origin.builtIn', { channel: t(`channel.${origin.scopeId}`).toLowerCase() })
        : origin.scope === 'office'
          ? t('settings.origin.office', { name: offices.find((o) => o.id === origin.scopeId)?.name ?? origin.scopeId })
          : t(`settings.origin.${origin.scope}`);
  return origin.profile ? t('settings.origin.withProfile', { origin: base, profile: profileName(origin.profile) }) : base;
}

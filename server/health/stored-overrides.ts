import type { ThresholdOverride } from '../../shared/health/threshold-model';
import type { Logger } from '../runtime/logger';
import type { ThresholdRow } from '../store';
import { parseOverrides } from './threshold-service';

/**
 * The overrides saved in the store, checked as they enter like any other: a row that no longer passes
 * (a metric removed, a rule tightened) is left out and logged with the field, not fatal at start-up.
 */
export function loadStoredOverrides(rows: readonly ThresholdRow[], logger: Logger): ThresholdOverride[] {
  const { overrides, problems } = parseOverrides(rows.map(overrideFields));
  for (const problem of problems) logger.warn('stored threshold ignored', { problem });
  return overrides;
}

/** The rule a row holds, without the row's bookkeeping (version, who and when), which overrides refuse. */
function overrideFields({ scope, scopeId, metric, profile, warning, critical, pendingSeconds, recoverySeconds }: ThresholdRow) {
  return { scope, scopeId, metric, profile, warning, critical, pendingSeconds, recoverySeconds };
}

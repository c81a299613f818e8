import type { RuleIssue } from '../../../shared/health/rule-issues';
import type { MetricId } from '../../../shared/metrics';
import { formatDurationInput, isTimeMetric } from './level-text';
import type { Translate } from './translate';

/** Levels of time metrics are typed and shown as durations ("20m"), other levels as typed. */
const levelText = (metric: MetricId, value: number) => (isTimeMetric(metric) ? formatDurationInput(value) : String(value));

/** A rule issue of the gateway's checks in the manager's language, from the catalogue's `rules` section. */
export function ruleIssueText(issue: RuleIssue, metric: MetricId, t: Translate): string {
  const field = issue.field ? t(`rules.field.${issue.field}`) : '';
  const period = issue.field === 'pendingSeconds' || issue.field === 'recoverySeconds';
  switch (issue.rule) {
    case 'order': {
      const { warning, critical, direction } = issue.params;
      return t(`rules.order.${direction}`, { warning: levelText(metric, warning), critical: levelText(metric, critical), metric: t(`rules.metric.${metric}`) });
    }
    case 'not-a-number':
      return t('rules.notANumber', { field });
    case 'negative':
      return t('rules.negative', { field });
    case 'too-small':
      return period ? t('rules.tooShort', { field, min: formatDurationInput(issue.params.min) }) : t('rules.tooSmall', { field, min: levelText(metric, issue.params.min) });
    case 'too-large':
      return period
        ? t('rules.tooLong', { field, hours: issue.params.max / 3600, seconds: issue.params.max })
        : t('rules.tooLarge', { field, max: levelText(metric, issue.params.max) });
    case 'not-whole':
      return t('rules.notWhole', { field });
    case 'other':
      return `${issue.params.path}: ${issue.params.message}`;
  }
}

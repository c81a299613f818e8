import { useTranslation } from 'react-i18next';
import type { QueueState } from '../../../shared/protocol/protocol';
import { formatCount, formatMetric } from '../format/metric';
import { inflowVsUsualText, learningText } from './usual-text';

/**
 * The desk's line about inflow against the usual under a queue's name: "Inflow 2.3× usual for Tue 10:00 · usual
 * 96–150/h", coloured by its level when graded; "Usual inflow: learning (3 of 7 days)" until the baseline has a week.
 */
export function UsualLine({ state, locale }: { state: QueueState | undefined; locale: string }) {
  const { t } = useTranslation();
  const usual = state?.usual;
  const learning = learningText(usual, t);
  if (learning) {
    return <span className="desk-queue-usual" data-testid="desk-usual" data-learning="true">{learning}</span>;
  }
  const ratio = state?.metrics.inflowVsUsual;
  if (!usual?.perHour || ratio == null) return null;
  const level = state?.health.metrics.inflowVsUsual;
  // The unit once, after the range: "usual 96–150/h".
  const range = t('forecast.usualRange', { low: formatCount(usual.perHour.low, locale), high: formatMetric('inflowPerHour', usual.perHour.high, locale) });
  return (
    <span className={`desk-queue-usual${level && level !== 'ok' ? ` level-${level}` : ''}`} data-testid="desk-usual" data-ratio={ratio}>
      {inflowVsUsualText(ratio, usual, locale, t)} · {range}
    </span>
  );
}

import { useTranslation } from 'react-i18next';
import type { Level } from '../../../shared/health/thresholds';
import type { StaffingOutlook } from '../../../shared/protocol/staffing-outlook';
import { formatDuration } from '../format/duration';
import { formatCount, formatMetric } from '../format/metric';

export interface StaffingLinesProps {
  staffing: StaffingOutlook | null | undefined;
  /** The staffingGap and slaOutlook levels, when a manager grades them. */
  gapLevel: Level | undefined;
  outlookLevel: Level | undefined;
  locale: string;
}

/**
 * "Need 7, have 5" and "SLA at end of day: 86% (81–90%)" under a queue's name on the desk (a column of its own
 * does not fit a 1366 px laptop); how they were reached in the tooltip.
 */
export function StaffingLines({ staffing, gapLevel, outlookLevel, locale }: StaffingLinesProps) {
  const { t } = useTranslation();
  if (!staffing) {
    return (
      <span className="desk-staffing" data-testid="desk-staffing">
        <span className="desk-staffing-none">{t('staffing.none')}</span>
      </span>
    );
  }
  const needed = formatCount(staffing.needed, locale);
  const how = [
    staffing.method === 'erlang-a'
      ? t('staffing.method.erlang-a', { minutes: staffing.spanMinutes })
      : t('staffing.method.workload', { duration: formatDuration(staffing.spanMinutes * 60) }),
    t(`staffing.basis.${staffing.basis}`),
    t(`staffing.handle.${staffing.handleFrom}`, { duration: formatDuration(staffing.handleSeconds) }),
  ].join(' · ');
  const short = staffing.online !== null && staffing.needed > staffing.online;
  const sla = staffing.sla;
  const percent = (value: number) => formatMetric('slaOutlook', value, locale);
  // "(78.5–90.1%)": the range's low end without its sign, which formatMetric always puts last.
  const bare = (value: number) => percent(value).slice(0, -1);
  const belowTarget = sla !== null && sla.expected < sla.target;
  return (
    <span className="desk-staffing" data-testid="desk-staffing" data-method={staffing.method} data-basis={staffing.basis} title={how}>
      <span
        className={`desk-staffing-need${short ? ' desk-staffing-short' : ''}${gapLevel && gapLevel !== 'ok' ? ` level-${gapLevel}` : ''}`}
        data-testid="desk-staffing-need"
      >
        {staffing.online === null
          ? t('staffing.needOnlineUnknown', { needed })
          : t('staffing.need', { needed, online: formatCount(staffing.online, locale) })}
      </span>
      <span
        className={`desk-staffing-outlook${belowTarget ? ' desk-staffing-below' : ''}${outlookLevel && outlookLevel !== 'ok' ? ` level-${outlookLevel}` : ''}`}
        data-testid="desk-sla-outlook"
      >
        {sla === null
          ? t('staffing.outlookNone')
          : percent(sla.low) === percent(sla.high)
            ? t('staffing.outlookExact', { expected: percent(sla.expected) })
            : t('staffing.outlook', { expected: percent(sla.expected), low: bare(sla.low), high: percent(sla.high) })}
      </span>
    </span>
  );
}

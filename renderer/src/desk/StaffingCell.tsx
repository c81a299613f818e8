import { useTranslation } from 'react-i18next';
import type { Level } from '../../../shared/health/thresholds';
import type { StaffingOutlook } from '../../../shared/protocol/staffing-outlook';
import { formatClock } from '../format/age';
import { formatDuration } from '../format/duration';
import { formatCount, formatMetric } from '../format/metric';

export interface StaffingCellProps {
  staffing: StaffingOutlook | null | undefined;
  /** The staffingGap and slaOutlook levels, when a manager grades them. */
  gapLevel: Level | undefined;
  outlookLevel: Level | undefined;
  locale: string;
  /** The office's zone: the outlook is for the end of its day. */
  timeZone: string;
}

/** "Need 7, have 5" and "SLA by 00:00: 86% (81–90%)" for one queue; how they were reached in the tooltip. */
export function StaffingCell({ staffing, gapLevel, outlookLevel, locale, timeZone }: StaffingCellProps) {
  const { t } = useTranslation();
  if (!staffing) {
    return (
      <td className="desk-staffing" data-testid="desk-staffing">
        <span className="desk-staffing-none">{t('staffing.none')}</span>
      </td>
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
  const belowTarget = sla !== null && sla.expected < sla.target;
  return (
    <td className="desk-staffing" data-testid="desk-staffing" data-method={staffing.method} data-basis={staffing.basis} title={how}>
      <span
        className={`desk-staffing-need${short ? ' desk-staffing-short' : ''}${gapLevel && gapLevel !== 'ok' ? ` level-${gapLevel}` : ''}`}
        data-testid="desk-staffing-need"
      >
        {staffing.online === null
          ? t('staffing.needOnlineUnknown', { needed })
          : t('staffing.need', { needed, online: formatCount(staffing.online, locale) })}
      </span>
      <span
        className={`desk-metric-detail desk-staffing-outlook${belowTarget ? ' desk-staffing-below' : ''}${outlookLevel && outlookLevel !== 'ok' ? ` level-${outlookLevel}` : ''}`}
        data-testid="desk-sla-outlook"
      >
        {sla === null
          ? t('staffing.outlookNone')
          : t('staffing.outlook', { time: formatClock(sla.until, locale, timeZone), expected: percent(sla.expected), low: percent(sla.low), high: percent(sla.high) })}
      </span>
    </td>
  );
}

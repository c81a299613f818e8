import { useTranslation } from 'react-i18next';
import type { Queue } from '../../../shared/model';
import type { QueueState } from '../../../shared/protocol/protocol';
import { formatMetric } from '../format/metric';
import { localName } from '../format/local-name';
import { emptyWindowText, labelWithWindow } from '../wall/window-text';
import { ChannelGlyph } from '../wall/ChannelGlyph';
import { StatusIcon } from '../wall/StatusIcon';
import { UsualLine } from '../forecast/UsualLine';
import { PinButton } from './PinButton';
import { severityOf } from './queue-order';
import { severityLook } from './severity-look';
import { StaffingLines } from './StaffingLines';

export const ROW_METRICS = ['backlog', 'oldestWaitingSeconds', 'firstResponseP90', 'slaAttainment', 'slaBreached', 'csat'] as const;

export interface QueueRowProps {
  queue: Queue;
  officeName: string;
  state: QueueState | undefined;
  locale: string;
  pinned: boolean;
  onTogglePin: () => void;
  /** Brought here by a notification click: scrolled to and marked for a moment. */
  highlighted: boolean;
}

export function QueueRow({ queue, officeName, state, locale, pinned, onTogglePin, highlighted }: QueueRowProps) {
  const { t, i18n } = useTranslation();
  const look = severityLook(state, t, locale);
  const levels = state?.health.metrics ?? {};
  return (
    <tr
      className={`desk-row ${look.className}${highlighted ? ' desk-row-highlight' : ''}`}
      data-testid="desk-queue-row"
      data-queue-id={queue.id}
      data-severity={severityOf(state)}
      tabIndex={highlighted ? -1 : undefined}
    >
      <td className="desk-status">
        <StatusIcon shape={look.shape} />
        <span className="desk-status-word">{look.word}</span>
        {look.detail && <span className="desk-status-detail">{look.detail}</span>}
      </td>
      <th scope="row" className="desk-queue-name">
        {localName(queue, i18n.language)}
        <span className="desk-queue-where">
          {officeName} · <ChannelGlyph channel={queue.channel} /> {t(`channel.${queue.channel}`)} · {localName(queue.team, i18n.language)}
          {queue.team.kind === 'partner' && <span className="partner-badge">{t('desk.partner')}</span>}
        </span>
        <UsualLine state={state} locale={locale} />
        <StaffingLines staffing={state?.staffing} gapLevel={levels.staffingGap} outlookLevel={levels.slaOutlook} locale={locale} />
      </th>
      {ROW_METRICS.map((id) => {
        const value = state?.metrics[id] ?? null;
        const level = levels[id];
        return (
          <td key={id} className={`desk-metric${level && level !== 'ok' ? ` level-${level}` : ''}`} data-metric={id} title={labelWithWindow(id, t(`metric.${id}`), queue.windows, t)}>
            {value === null ? (emptyWindowText(id, state?.metrics, queue.windows, t) ?? '–') : formatMetric(id, value, locale)}
            {id === 'csat' && value !== null && (
              // A share means little without how many answered: "92% · 41 ratings".
              <span className="desk-metric-detail">{t('csat.ratings', { count: state?.metrics.csatRatings ?? 0 })}</span>
            )}
          </td>
        );
      })}
      <td className="desk-pin-cell">
        <PinButton pinned={pinned} target={{ kind: 'queue', name: queue.name }} onToggle={onTogglePin} />
      </td>
    </tr>
  );
}

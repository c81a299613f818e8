import { useId, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Alert } from '../../../shared/protocol/protocol';
import { STATUS_LOOKS } from '../wall/status';
import { StatusIcon } from '../wall/StatusIcon';
import { ageText, clockTime, describeMeasure } from './alert-text';
import { PinButton } from './PinButton';
import { SNOOZE_PRESETS, type SnoozeChoice } from './snooze';

/** What became of the last command sent from this card. */
export type CommandOutcome = { state: 'sending' } | { state: 'done'; message: string } | { state: 'refused'; message: string };

export interface AlertCardProps {
  alert: Alert;
  queueName: string;
  officeName: string;
  locale: string;
  /** Gateway clock. */
  now: number;
  pinned: boolean;
  onTogglePin: () => void;
  onAcknowledge: (note: string) => void;
  onSnooze: (choice: SnoozeChoice) => void;
  outcome: CommandOutcome | null;
  /** Shows the queue in the list (scroll and highlight). */
  onShowQueue: () => void;
  /** The title of the open incident the alert belongs to, if any. */
  incidentTitle?: string | null;
}

export function AlertCard(props: AlertCardProps) {
  const { alert, queueName, officeName, locale, now, pinned, onTogglePin, onAcknowledge, onSnooze, outcome, onShowQueue, incidentTitle = null } = props;
  const [note, setNote] = useState('');
  const [time, setTime] = useState('');
  const ids = useId();
  const { t } = useTranslation();
  // A done acknowledgement empties the note; a refused one keeps it so nothing typed is lost.
  const [lastOutcome, setLastOutcome] = useState(outcome);
  if (outcome !== lastOutcome) {
    setLastOutcome(outcome);
    if (outcome?.state === 'done') setNote('');
  }
  const look = STATUS_LOOKS[alert.level];
  const sending = outcome?.state === 'sending';
  const snoozed = alert.snoozed && alert.snoozed.until > now ? alert.snoozed : null;
  // Someone is on it: its controls fold away so the alerts that still need someone stand out.
  const handled = alert.acknowledged !== null || snoozed !== null;
  const acknowledge = (event: FormEvent) => {
    event.preventDefault();
    onAcknowledge(note.trim());
  };
  const snoozeUntilTime = (event: FormEvent) => {
    event.preventDefault();
    onSnooze({ timeOfDay: time });
  };
  const actions = (
    <div className="alert-actions">
      <form className="alert-ack-form" onSubmit={acknowledge}>
        <label className="visually-hidden" htmlFor={`${ids}-note`}>
          {t('desk.card.noteLabel', { name: queueName })}
        </label>
        <input
          id={`${ids}-note`}
          className="alert-note-input"
          type="text"
          maxLength={500}
          placeholder={t(alert.acknowledged ? 'desk.card.newNotePlaceholder' : 'desk.card.notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <button type="submit" className={`action-button${alert.acknowledged ? '' : ' action-primary'}`} disabled={sending}>
          {t(alert.acknowledged ? 'desk.card.updateNote' : 'desk.card.acknowledge')}
        </button>
      </form>
      <div className="alert-snooze" role="group" aria-label={t('desk.card.snoozeGroup', { name: queueName })}>
        <span className="alert-snooze-label" aria-hidden="true">
          {t('desk.card.snooze')}
        </span>
        {SNOOZE_PRESETS.map((preset) => (
          <button
            key={preset.name}
            type="button"
            className="action-button"
            disabled={sending}
            aria-label={t('desk.card.snoozePreset', { duration: t(`desk.card.presets.${preset.name}`) })}
            onClick={() => onSnooze({ afterMs: preset.ms })}
          >
            {t(`desk.card.presets.${preset.name}`)}
          </button>
        ))}
        <form className="alert-snooze-until" onSubmit={snoozeUntilTime}>
          <label htmlFor={`${ids}-until`}>{t('desk.card.until')}</label>
          <input id={`${ids}-until`} type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
          <button type="submit" className="action-button" disabled={sending || time === ''} aria-label={time ? t('desk.card.snoozeUntilTime', { time }) : t('desk.card.snoozeUntilChosen')}>
            {t('desk.card.snoozeUntil')}
          </button>
        </form>
      </div>
    </div>
  );
  const level = alert.kind === 'at-risk' ? t('desk.atRisk') : t(`status.${alert.level}`);
  const metric = t(`metric.${alert.metric}`);
  const title = t('desk.card.title', { queue: queueName, office: officeName, level, metric });
  return (
    <article
      className={`alert-card ${look.className}${handled ? ' alert-handled' : ''}`}
      data-testid="alert-card"
      data-alert-id={alert.id}
      data-queue-id={alert.queueId}
      aria-label={title.replace(/\s+/g, ' ').trim()}
    >
      <header className="alert-head">
        <span className="alert-level">
          <StatusIcon shape={alert.kind === 'at-risk' ? 'triangle' : look.shape} />
          {level}
        </span>
        <button type="button" className="alert-queue link-button" onClick={onShowQueue} title={t('desk.card.showQueue')}>
          {queueName} <span className="alert-office">{officeName}</span>
        </button>
        <span className="alert-age" title={t('desk.card.opened', { time: clockTime(alert.openedAt, locale) })}>
          {ageText(alert, now, t)}
        </span>
        <PinButton pinned={pinned} target={{ kind: 'alert', name: queueName }} onToggle={onTogglePin} />
      </header>
      <p className="alert-measure">
        <span className="alert-metric">{metric}</span> {describeMeasure(alert, locale, t)}
      </p>
      {incidentTitle !== null && <p className="alert-incident" data-testid="alert-incident">{t('incidents.desk.alertIncident', { title: incidentTitle })}</p>}
      {alert.acknowledged && (
        <p className="alert-ack" data-testid="alert-ack">
          <Trans i18nKey="desk.card.acknowledgedBy" values={{ name: alert.acknowledged.by, time: clockTime(alert.acknowledged.at, locale) }} components={{ strong: <strong /> }} />
          {alert.acknowledged.note && <span className="alert-note"> — “{alert.acknowledged.note}”</span>}
        </p>
      )}
      {snoozed && (
        <p className="alert-snoozed" data-testid="alert-snoozed">
          <Trans i18nKey="desk.card.snoozedBy" values={{ name: snoozed.by, time: clockTime(snoozed.until, locale) }} components={{ strong: <strong /> }} />
        </p>
      )}
      {handled ? (
        <details className="alert-more">
          <summary>{t('desk.card.more')}</summary>
          {actions}
        </details>
      ) : (
        actions
      )}
      {outcome && outcome.state !== 'sending' && !(outcome.state === 'done' && handled) && (
        <p className={`alert-outcome alert-outcome-${outcome.state}`} role={outcome.state === 'refused' ? 'alert' : 'status'} data-testid="alert-outcome">
          {outcome.message}
        </p>
      )}
      {sending && (
        <p className="alert-outcome" role="status">
          {t('desk.card.sending')}
        </p>
      )}
    </article>
  );
}

import { useId, useState, type FormEvent } from 'react';
import type { Alert } from '../../../shared/protocol/protocol';
import { STATUS_LOOKS } from '../wall/status';
import { StatusIcon } from '../wall/StatusIcon';
import { ageText, clockTime, describeMeasure, metricLabel } from './alert-text';
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
}

export function AlertCard(props: AlertCardProps) {
  const { alert, queueName, officeName, locale, now, pinned, onTogglePin, onAcknowledge, onSnooze, outcome, onShowQueue } = props;
  const [note, setNote] = useState('');
  const [time, setTime] = useState('');
  const ids = useId();
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
          Note for {queueName} (optional)
        </label>
        <input
          id={`${ids}-note`}
          className="alert-note-input"
          type="text"
          maxLength={500}
          placeholder={alert.acknowledged ? 'New note (optional)' : 'Note (optional)'}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <button type="submit" className={`action-button${alert.acknowledged ? '' : ' action-primary'}`} disabled={sending}>
          {alert.acknowledged ? 'Update note' : 'Acknowledge'}
        </button>
      </form>
      <div className="alert-snooze" role="group" aria-label={`Snooze the alert on ${queueName}`}>
        <span className="alert-snooze-label" aria-hidden="true">
          Snooze
        </span>
        {SNOOZE_PRESETS.map((preset) => (
          <button
            key={preset.label}
            type="button"
            className="action-button"
            disabled={sending}
            aria-label={`Snooze ${preset.label}`}
            onClick={() => onSnooze({ afterMs: preset.ms })}
          >
            {preset.label}
          </button>
        ))}
        <form className="alert-snooze-until" onSubmit={snoozeUntilTime}>
          <label htmlFor={`${ids}-until`}>until</label>
          <input id={`${ids}-until`} type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
          <button type="submit" className="action-button" disabled={sending || time === ''} aria-label={`Snooze until ${time || 'the chosen time'}`}>
            Snooze until
          </button>
        </form>
      </div>
    </div>
  );
  const title = `${queueName}, ${officeName}: ${look.word} ${alert.kind === 'at-risk' ? 'at risk' : ''} ${metricLabel(alert)}`;
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
          {alert.kind === 'at-risk' ? 'At risk' : look.word}
        </span>
        <button type="button" className="alert-queue link-button" onClick={onShowQueue} title="Show this queue in the list">
          {queueName} <span className="alert-office">{officeName}</span>
        </button>
        <span className="alert-age" title={`Opened ${clockTime(alert.openedAt)}`}>
          {ageText(alert, now)}
        </span>
        <PinButton pinned={pinned} label={`alert on ${queueName}`} onToggle={onTogglePin} />
      </header>
      <p className="alert-measure">
        <span className="alert-metric">{metricLabel(alert)}</span> {describeMeasure(alert, locale)}
      </p>
      {alert.acknowledged && (
        <p className="alert-ack" data-testid="alert-ack">
          ✓ Acknowledged by <strong>{alert.acknowledged.by}</strong> at {clockTime(alert.acknowledged.at)}
          {alert.acknowledged.note && <span className="alert-note"> — “{alert.acknowledged.note}”</span>}
        </p>
      )}
      {snoozed && (
        <p className="alert-snoozed" data-testid="alert-snoozed">
          Snoozed by <strong>{snoozed.by}</strong> until {clockTime(snoozed.until)}
        </p>
      )}
      {handled ? (
        <details className="alert-more">
          <summary>Add a note or snooze</summary>
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
          Sending…
        </p>
      )}
    </article>
  );
}

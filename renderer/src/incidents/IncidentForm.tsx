import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_TITLE_MAX } from '../../../shared/protocol/incident-protocol';

export interface IncidentFormProps {
  /** Queues a new incident may name: those in no open incident, with their shown names. */
  queues: ReadonlyArray<{ id: string; name: string }>;
  sending: boolean;
  /** Sends the incident; resolves true when the gateway took it (the form then empties). */
  onOpen: (title: string, queueIds: readonly string[]) => Promise<boolean>;
}

/** The form a lead opens an incident with: a short title and the affected queues. */
export function IncidentForm({ queues, sending, onOpen }: IncidentFormProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const box = useRef<HTMLDetailsElement>(null);
  const toggle = (id: string) => setChosen((current) => {
    const next = new Set(current);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onOpen(title, queues.filter((q) => chosen.has(q.id)).map((q) => q.id))) {
      setTitle('');
      setChosen(new Set());
      // Opened: the form folds away again, the new incident is in the list above it.
      if (box.current) box.current.open = false;
    }
  };
  return (
    // Folded away until wanted: during an incident the desk's room belongs to the queues and alerts.
    <details className="incident-form-box" ref={box}>
      <summary>{t('incidents.desk.formHeading')}</summary>
      <form className="incident-form" onSubmit={(event) => void submit(event)}>
        <label className="incident-title-field">
          {t('incidents.desk.titleLabel')}
          <input type="text" value={title} maxLength={INCIDENT_TITLE_MAX} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <fieldset className="incident-queues">
          <legend>{t('incidents.desk.queuesLabel')}</legend>
          {queues.map((queue) => (
            <label key={queue.id}>
              <input type="checkbox" checked={chosen.has(queue.id)} onChange={() => toggle(queue.id)} /> {queue.name}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="action-button action-primary" disabled={sending || title.trim() === '' || chosen.size === 0}>
          {t('incidents.desk.open')}
        </button>
      </form>
    </details>
  );
}

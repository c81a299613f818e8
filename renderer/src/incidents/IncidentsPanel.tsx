import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../shared/protocol/incident-protocol';
import { clockTime } from '../desk/alert-text';
import { useCommands } from '../feed/commands-context';
import { localName } from '../format/local-name';
import { useUserLocale } from '../i18n/use-language-choice';
import { feedSelectors } from '../store/feed-slice';
import { sessionSelectors } from '../store/session-slice';
import { useAppStore } from '../store/store-context';
import { IncidentForm } from './IncidentForm';
import { incidentsSelectors } from './incidents-slice';
import { download, timelineFiles } from './timeline-download';
import { storeRefusalText } from '../feed/store-refusal';
import './incidents.css';

type Format = 'text' | 'json';

/**
 * Container: the open incidents on a lead's desk, each with its close and export controls, the form that
 * opens one, and the timelines of those closed here (a closed incident leaves the list, its timeline stays
 * exportable). A display token sees the list only. Memoised: the desk re-renders with every update, this
 * panel only when incidents, queues or the session change.
 */
export const IncidentsPanel = memo(function IncidentsPanel() {
  const { t, i18n } = useTranslation();
  const { language, locale } = useUserLocale();
  const commands = useCommands();
  const incidents = useAppStore(incidentsSelectors.open);
  const queues = useAppStore(feedSelectors.queues);
  const role = useAppStore(sessionSelectors.role);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [closed, setClosed] = useState<readonly Incident[]>([]);
  const [shownText, setShownText] = useState<string | null>(null);
  const canAct = role === 'lead' || role === 'manager';
  const nameOf = new Map(queues.map((q) => [q.id, localName(q, i18n.language)]));
  const busy = new Set(incidents.flatMap((incident) => incident.queueIds));

  const send = async <R extends { ok: boolean; issues?: string[] }>(command: () => Promise<R>): Promise<Extract<R, { ok: true }> | null> => {
    setSending(true);
    setRefusal(null);
    const answer = await command();
    setSending(false);
    if (answer.ok) return answer as Extract<R, { ok: true }>;
    setRefusal(storeRefusalText(answer, t) ?? t('incidents.desk.refused', { issues: (answer.issues ?? []).join('; ') }));
    return null;
  };
  const open = async (title: string, queueIds: readonly string[]) => (await send(() => commands.openIncident(title, queueIds))) !== null;
  const close = async (incident: Incident) => {
    const answer = await send(() => commands.closeIncident(incident.id));
    if (answer) setClosed((list) => [answer.incident, ...list.filter((c) => c.id !== incident.id)]);
  };
  const exportTimeline = async (incident: Incident, format: Format) => {
    const answer = await send(() => commands.incidentTimeline(incident.id, language));
    if (!answer) return;
    const files = timelineFiles(answer.timeline, answer.text);
    if (format === 'text') setShownText(answer.text);
    download(files[format]);
  };

  const item = (incident: Incident, isOpen: boolean) => (
    <li key={incident.id} className="incident-item" data-testid={isOpen ? 'incident-open' : 'incident-closed'} data-incident-id={incident.id}>
      <strong className="incident-title">{isOpen ? incident.title : t('incidents.desk.closedNotice', { title: incident.title })}</strong>
      <span className="incident-detail">{t('incidents.desk.queues', { names: incident.queueIds.map((id) => nameOf.get(id) ?? id).join(', ') })}</span>
      <span className="incident-detail">{t('incidents.desk.openedBy', { name: incident.openedBy, time: clockTime(incident.openedAt, locale) })}</span>
      {canAct && (
        <span className="incident-actions">
          {isOpen && (
            <button type="button" className="action-button" disabled={sending} onClick={() => void close(incident)}>
              {t('incidents.desk.close')}
            </button>
          )}
          <button type="button" className="action-button" disabled={sending} onClick={() => void exportTimeline(incident, 'text')}>
            {t('incidents.desk.exportText')}
          </button>
          <button type="button" className="action-button" disabled={sending} onClick={() => void exportTimeline(incident, 'json')}>
            {t('incidents.desk.exportJson')}
          </button>
        </span>
      )}
    </li>
  );

  return (
    <section className="desk-incidents" aria-labelledby="desk-incidents-heading" data-testid="desk-incidents">
      <h2 id="desk-incidents-heading">{t('incidents.desk.heading')}</h2>
      {incidents.length === 0 && <p className="desk-empty">{t('incidents.desk.none')}</p>}
      <ul className="incident-list">
        {incidents.map((incident) => item(incident, true))}
        {closed.map((incident) => item(incident, false))}
      </ul>
      {refusal && <p className="desk-problem" role="alert">{refusal}</p>}
      {shownText && <pre className="incident-timeline" data-testid="incident-timeline-text">{shownText}</pre>}
      {canAct && (
        <IncidentForm queues={queues.filter((q) => !busy.has(q.id)).map((q) => ({ id: q.id, name: nameOf.get(q.id) ?? q.id }))} sending={sending} onOpen={open} />
      )}
    </section>
  );
});

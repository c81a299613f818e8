import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandResult } from '../../../shared/protocol/protocol';
import { useCommands } from '../feed/commands-context';
import { connectionSelectors } from '../store/connection-slice';
import { incidentsSelectors } from '../incidents/incidents-slice';
import { feedSelectors } from '../store/feed-slice';
import { useAppStore } from '../store/store-context';
import { useNow } from '../wall/use-now';
import { AlertCard, type CommandOutcome } from './AlertCard';
import { clockTime, sortAlerts } from './alert-text';
import { useDeskServices, usePins } from './desk-services-context';
import { isPinned } from './pin-store';
import { matchesFilters, type DeskFilters } from './queue-order';
import { snoozeUntil, type SnoozeChoice } from './snooze';
import { formatCount } from '../format/metric';
import { useUserLocale } from '../i18n/use-language-choice';
import { storeRefusalText } from '../feed/store-refusal';

const alertPin = (id: string) => ({ kind: 'alert' as const, id });

/** This laptop's clock, read when the lead clicks (never during render). */
const localNow = () => Date.now();

/** Container: the open alerts of the filtered queues, with acknowledge, snooze and pin. */
export function AlertFeed({ filters, onShowQueue }: { filters: DeskFilters; onShowQueue: (queueId: string) => void }) {
  const alerts = useAppStore(feedSelectors.alerts);
  const queues = useAppStore(feedSelectors.queues);
  const offices = useAppStore(feedSelectors.offices);
  const incidents = useAppStore(incidentsSelectors.open);
  const offset = useAppStore(connectionSelectors.clockOffsetMs);
  const now = useNow(1000, offset);
  const commands = useCommands();
  const { pins } = useDeskServices();
  const pinState = usePins();
  const { t } = useTranslation();
  const { locale } = useUserLocale();
  const [outcomes, setOutcomes] = useState<Readonly<Record<string, CommandOutcome>>>({});

  const queueById = new Map(queues.map((q) => [q.id, q]));
  const officeById = new Map(offices.map((o) => [o.id, o]));
  const incidentTitles = new Map(incidents.map((incident) => [incident.id, incident.title]));
  const shown = sortAlerts(
    Object.values(alerts).filter((a) => {
      const queue = queueById.get(a.queueId);
      return queue ? matchesFilters(queue, filters) : filters.officeId === null && filters.channel === null && filters.team === null;
    }),
    now,
  );
  const needAction = shown.filter((a) => !a.acknowledged && !(a.snoozed && a.snoozed.until > now)).length;

  const run = async (alertId: string, send: () => Promise<CommandResult>, done: (result: CommandResult) => string) => {
    setOutcomes((o) => ({ ...o, [alertId]: { state: 'sending' } }));
    const result = await send();
    const outcome: CommandOutcome = result.ok
      ? { state: 'done', message: done(result) }
      : { state: 'refused', message: storeRefusalText(result, t) ?? t('desk.alerts.refused', { issues: result.issues.join('; ') }) };
    setOutcomes((o) => ({ ...o, [alertId]: outcome }));
  };
  const acknowledge = (alertId: string, note: string) =>
    void run(alertId, () => commands.acknowledge(alertId, note || undefined), () => t(note ? 'desk.alerts.acknowledgedWithNote' : 'desk.alerts.acknowledged'));
  const snooze = (alertId: string, choice: SnoozeChoice) => {
    // The gateway judges "in the future" by its own clock.
    const until = snoozeUntil(choice, localNow() + offset);
    if (until === null) {
      setOutcomes((o) => ({ ...o, [alertId]: { state: 'refused', message: t('desk.alerts.chooseTime') } }));
      return;
    }
    void run(alertId, () => commands.snooze(alertId, until), () => t('desk.alerts.snoozedUntil', { time: clockTime(until, locale) }));
  };

  return (
    <section className="desk-alerts" aria-labelledby="desk-alerts-heading">
      <h2 id="desk-alerts-heading">
        {t('desk.alerts.heading')} <span className="desk-count">{formatCount(shown.length, locale)}</span>
        {needAction > 0 && <span className="desk-need-action">{t('desk.alerts.needAction', { count: needAction, formatted: formatCount(needAction, locale) })}</span>}
      </h2>
      {shown.length === 0 && <p className="desk-empty">{t(filters.officeId || filters.channel || filters.team ? 'desk.alerts.noneForFilters' : 'desk.alerts.none')}</p>}
      <div className="alert-list">
        {shown.map((alert) => {
          const queue = queueById.get(alert.queueId);
          const office = queue ? officeById.get(queue.officeId) : undefined;
          const pin = alertPin(alert.id);
          return (
            <AlertCard
              key={alert.id}
              alert={alert}
              queueName={queue?.name ?? alert.queueId}
              officeName={office?.name ?? ''}
              locale={locale}
              now={now}
              pinned={isPinned(pinState, pin)}
              onTogglePin={() => pins.set(pin, !isPinned(pinState, pin))}
              onAcknowledge={(note) => acknowledge(alert.id, note)}
              onSnooze={(choice) => snooze(alert.id, choice)}
              outcome={outcomes[alert.id] ?? null}
              onShowQueue={() => onShowQueue(alert.queueId)}
              incidentTitle={alert.incidentId ? (incidentTitles.get(alert.incidentId) ?? null) : null}
            />
          );
        })}
      </div>
    </section>
  );
}

import '../styles/desk.css';
import { useTranslation } from 'react-i18next';
import { useDeskServices, usePins } from '../desk/desk-services-context';
import { connectionSelectors } from '../store/connection-slice';
import { feedSelectors } from '../store/feed-slice';
import { useAppStore } from '../store/store-context';
import { useNow } from '../wall/use-now';
import { PinnedAlertItem } from './PinnedAlertItem';
import { PinnedQueueItem } from './PinnedQueueItem';
import { useLanguageChoice } from '../i18n/use-language-choice';

/** Container: the pinned queues and alerts, compact (in the app: the always-on-top pin window). */
export function PinsView() {
  const { pins } = useDeskServices();
  const { t } = useTranslation();
  // No picker here: the pin window follows the language chosen on the desk.
  const { locale } = useLanguageChoice();
  const pinState = usePins();
  const queues = useAppStore(feedSelectors.queues);
  const offices = useAppStore(feedSelectors.offices);
  const states = useAppStore((s) => s.feed.states);
  const alerts = useAppStore(feedSelectors.alerts);
  const connection = useAppStore(connectionSelectors.status);
  const offset = useAppStore(connectionSelectors.clockOffsetMs);
  const now = useNow(1000, offset);
  const live = connection === 'live';
  const queueById = new Map(queues.map((q) => [q.id, q]));
  const officeById = new Map(offices.map((o) => [o.id, o]));
  const pinnedQueues = pinState.pins.filter((p) => p.kind === 'queue');
  const pinnedAlerts = pinState.pins.filter((p) => p.kind === 'alert');
  const loaded = queues.length > 0;

  return (
    <div className="pins">
      <header className="pins-header">
        <h1>{t('pins.title')}</h1>
        <span className={`desk-connection desk-connection-${connection}`} data-testid="connection-status" data-status={connection} role="status">
          <span className="connection-dot" aria-hidden="true" /> {t(live ? 'pins.live' : 'pins.notLive')}
        </span>
      </header>
      {pinState.notice && <p className="desk-banner desk-banner-warning">{pinState.notice}</p>}
      {pinState.pins.length === 0 && <p className="desk-empty">{t('pins.empty')}</p>}
      {pinnedQueues.length > 0 && <h2 className="pins-section">{t('pins.queues')}</h2>}
      {pinnedQueues.length > 0 && (
        <ul className="pin-list" aria-label={t('pins.pinnedQueues')}>
          {pinnedQueues.map(({ id }) => {
            const queue = queueById.get(id);
            if (!queue) {
              return loaded ? (
                <li key={id} className="pin-item pin-item-closed" data-testid="pinned-queue" data-queue-id={id}>
                  <span className="pin-name">{t('pins.queueGone', { id })}</span>
                  <button type="button" className="unpin-button" aria-label={t('pins.unpin', { name: id })} onClick={() => pins.set({ kind: 'queue', id }, false)}>
                    ×
                  </button>
                </li>
              ) : null;
            }
            const office = officeById.get(queue.officeId);
            return (
              <PinnedQueueItem
                key={id}
                queue={queue}
                officeName={office?.name ?? queue.officeId}
                state={states[id]}
                locale={locale}
                live={live}
                onUnpin={() => pins.set({ kind: 'queue', id }, false)}
              />
            );
          })}
        </ul>
      )}
      {pinnedAlerts.length > 0 && loaded && <h2 className="pins-section">{t('pins.alerts')}</h2>}
      {pinnedAlerts.length > 0 && loaded && (
        <ul className="pin-list" aria-label={t('pins.pinnedAlerts')}>
          {pinnedAlerts.map(({ id }) => {
            const alert = alerts[id] ?? null;
            const queue = alert ? queueById.get(alert.queueId) : undefined;
            return (
              <PinnedAlertItem
                key={id}
                alertId={id}
                alert={alert}
                queueName={queue?.name ?? null}
                locale={locale}
                now={now}
                onUnpin={() => pins.set({ kind: 'alert', id }, false)}
              />
            );
          })}
        </ul>
      )}
    </div>
  );
}

import '../styles/desk.css';
import { useCallback, useEffect, useState } from 'react';
import type { Queue } from '../../../shared/model';
import { connectionSelectors } from '../store/connection-slice';
import { feedSelectors } from '../store/feed-slice';
import { sessionSelectors } from '../store/session-slice';
import { useAppStore } from '../store/store-context';
import { AlertFeed } from './AlertFeed';
import { DeskFilterBar } from './DeskFilterBar';
import { useDeskProblem, useDeskServices, useNotificationSettings, usePins } from './desk-services-context';
import { NotificationPanel } from './NotificationPanel';
import { isPinned } from './pin-store';
import { loadFilters, matchesFilters, NO_FILTERS, saveFilters, sortBySeverity, type DeskFilters } from './queue-order';
import { QueueRow, ROW_METRICS } from './QueueRow';
import { useDeskNotifications } from './use-desk-notifications';
import { useTranslation } from 'react-i18next';
import { ProblemText } from '../i18n/ProblemText';
import { findAppSettingsBridge } from '../app-settings/app-settings-bridge';
import { AppSettingsPane } from '../app-settings/AppSettingsPane';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { useLanguageChoice } from '../i18n/use-language-choice';
import { localName } from '../format/local-name';
import { DeskBroadcasts } from '../broadcasts/DeskBroadcasts';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Container: a team lead's desk — queues worst first, the live alert feed, pins and notifications. */
export function DeskView() {
  const services = useDeskServices();
  const offices = useAppStore(feedSelectors.offices);
  const queues = useAppStore(feedSelectors.queues);
  const states = useAppStore((s) => s.feed.states);
  const connection = useAppStore(connectionSelectors.status);
  const problem = useAppStore(connectionSelectors.problem);
  const { t, i18n } = useTranslation();
  const { language, locale, choose } = useLanguageChoice();
  const session = useAppStore(sessionSelectors.session);
  const pinState = usePins();
  const settings = useNotificationSettings();
  const serviceProblem = useDeskProblem();
  const [permission, setPermission] = useState(() => services.permission?.get() ?? null);
  const [filters, setFilters] = useState<DeskFilters>(() => loadFilters(storage()));
  const [focused, setFocused] = useState<string | null>(null);
  // The app's own settings (gateway, token, mode, office…) exist only inside Electron.
  const [appSettings] = useState(() => findAppSettingsBridge(window));
  const [showAppSettings, setShowAppSettings] = useState(false);
  const groups = useAppStore(feedSelectors.groups);
  useDeskNotifications();

  const changeFilters = (next: DeskFilters) => {
    setFilters(next);
    saveFilters(storage(), next);
  };
  const showQueue = useCallback((queueId: string) => {
    setFilters((current) => {
      // A queue hidden by the filters cannot be shown: clear them (and remember that).
      const queue = queues.find((q) => q.id === queueId);
      if (!queue || matchesFilters(queue, current)) return current;
      saveFilters(storage(), NO_FILTERS);
      return NO_FILTERS;
    });
    setFocused(queueId);
  }, [queues]);
  useEffect(() => services.onFocusQueue(showQueue), [services, showQueue]);
  useEffect(() => {
    if (!focused) return;
    const row = document.querySelector<HTMLElement>(`[data-testid="desk-queue-row"][data-queue-id="${focused}"]`);
    row?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    row?.focus({ preventScroll: true });
    const timer = setTimeout(() => setFocused(null), 4000);
    return () => clearTimeout(timer);
  }, [focused]);

  const officeById = new Map(offices.map((o) => [o.id, o]));
  const shown = sortBySeverity(queues.filter((q) => matchesFilters(q, filters)), states);
  const pinnedCount = pinState.pins.length;
  const readOnly = session !== null && session.role === 'display';
  const togglePin = (queue: Queue) => {
    const pin = { kind: 'queue' as const, id: queue.id };
    services.pins.set(pin, !isPinned(pinState, pin));
  };

  return (
    <div className="desk">
      <header className="desk-header">
        <h1>{t('desk.title')}</h1>
        <span className="desk-who" data-testid="desk-session">
          {session ? t('desk.who', { name: session.name, role: t(`desk.role.${session.role}`) }) : t('desk.signingIn')}
        </span>
        <span className={`desk-connection desk-connection-${connection}`} data-testid="connection-status" data-status={connection} role="status">
          <span className="connection-dot" aria-hidden="true" /> {t(`desk.connection.${connection}`)}
        </span>
        {services.togglePinWindow ? (
          <button type="button" className="action-button desk-pins-link" onClick={services.togglePinWindow}>
            {t('desk.pinWindow', { count: pinnedCount })}
          </button>
        ) : (
          <a className="desk-pins-link" href="?view=pins" target="queueboard-pins">
            {t('desk.pinnedItems', { count: pinnedCount })}
          </a>
        )}
        {appSettings && (
          <button type="button" className="action-button" aria-pressed={showAppSettings} onClick={() => setShowAppSettings(!showAppSettings)}>
            {t('desk.appSettings')}
          </button>
        )}
        <LanguagePicker language={language} onChoose={choose} />
      </header>
      {appSettings && showAppSettings && (
        <AppSettingsPane bridge={appSettings} offices={offices} groups={groups} onClose={() => setShowAppSettings(false)} />
      )}
      {/* Kept mounted while the app settings show, so the feed, filters and notifications carry on. */}
      <div className="desk-body" hidden={showAppSettings}>
        {readOnly && (
          <p className="desk-banner" role="note" data-testid="read-only">
            {t('desk.readOnly', { name: session.name })}
          </p>
        )}
        {connection !== 'live' && problem && <p className="desk-banner desk-banner-warning"><ProblemText problem={problem} /></p>}
        {pinState.notice && <p className="desk-banner desk-banner-warning">{pinState.notice}</p>}
        <NotificationPanel
          settings={settings}
          onChange={(next) => services.settings.set(next)}
          permission={permission}
          onRequestPermission={() => void services.permission?.request().then(() => setPermission(services.permission?.get() ?? null))}
          problem={serviceProblem}
          pinnedQueues={pinState.pins.filter((p) => p.kind === 'queue').length}
        />
        <DeskBroadcasts language={language} locale={locale} />
        <DeskFilterBar offices={offices} queues={queues} filters={filters} onChange={changeFilters} shown={shown.length} locale={locale} />
        <main className={`desk-main${connection === 'live' ? '' : ' desk-not-live'}`} data-testid="desk-main">
          <section className="desk-queues" aria-labelledby="desk-queues-heading">
            <h2 id="desk-queues-heading">{t('desk.queuesHeading')}</h2>
            <table className="desk-table">
              <thead>
                <tr>
                  <th scope="col">{t('desk.column.status')}</th>
                  <th scope="col">{t('desk.column.queue')}</th>
                  {ROW_METRICS.map((id) => (
                    <th scope="col" key={id} className="desk-metric">
                      {t(`metric.${id}`)}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="visually-hidden">{t('desk.column.pin')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((queue) => {
                  const office = officeById.get(queue.officeId);
                  return (
                    <QueueRow
                      key={queue.id}
                      queue={queue}
                      officeName={office ? localName(office, i18n.language) : queue.officeId}
                      state={states[queue.id]}
                      locale={locale}
                      pinned={isPinned(pinState, { kind: 'queue', id: queue.id })}
                      onTogglePin={() => togglePin(queue)}
                      highlighted={focused === queue.id}
                    />
                  );
                })}
              </tbody>
            </table>
            {queues.length > 0 && shown.length === 0 && <p className="desk-empty">{t('desk.noQueueMatches')}</p>}
          </section>
          <AlertFeed filters={filters} onShowQueue={showQueue} />
        </main>
      </div>
    </div>
  );
}

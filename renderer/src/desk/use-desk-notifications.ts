import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { isInScope } from '../../../shared/desk/notification-rules';
import { createTranslator, languageOf } from '../../../shared/i18n/translator';
import { incidentsSelectors } from '../incidents/incidents-slice';
import { feedSelectors } from '../store/feed-slice';
import { useAppStore } from '../store/store-context';
import { useDeskServices, useNotificationSettings, usePins } from './desk-services-context';
import { toTransition, trayStatus, TransitionDetector } from './transitions';

/**
 * Container logic of the desk: watches the store for alerts that open (never those of the first snapshot,
 * never one twice), hands those in scope to the notifier, and keeps the tray on the pinned queues' worst.
 */
export function useDeskNotifications(): void {
  const { notifier, setTrayStatus } = useDeskServices();
  const alerts = useAppStore(feedSelectors.alerts);
  const queues = useAppStore(feedSelectors.queues);
  const offices = useAppStore(feedSelectors.offices);
  const incidents = useAppStore(incidentsSelectors.open);
  const live = useAppStore((s) => s.connection.status === 'live');
  const pins = usePins();
  const settings = useNotificationSettings();
  const detector = useRef<TransitionDetector | null>(null);
  const { i18n } = useTranslation();
  const translator = useMemo(() => createTranslator(languageOf(i18n.language)), [i18n.language]);
  const pinnedQueueIds = pins.pins.filter((p) => p.kind === 'queue').map((p) => p.id);
  const pinnedKey = pinnedQueueIds.join(',');

  useEffect(() => {
    // A screen that is not live has an old picture: wait for the next snapshot before judging what is new.
    if (!live) return;
    detector.current ??= new TransitionDetector();
    const fresh = detector.current.observe(Object.values(alerts));
    if (fresh.length === 0) return;
    const pinned = new Set(pinnedKey.split(','));
    const inScope = fresh.filter((a) => isInScope(a.queueId, settings.scope, pinned));
    const queueById = new Map(queues.map((q) => [q.id, q]));
    const officeById = new Map(offices.map((o) => [o.id, o]));
    const incidentById = new Map(incidents.map((incident) => [incident.id, incident]));
    notifier.notify(
      inScope.map((a) => {
        const queue = queueById.get(a.queueId);
        const incident = a.incidentId ? incidentById.get(a.incidentId) : undefined;
        return toTransition(a, queue, queue ? officeById.get(queue.officeId) : undefined, incident);
      }),
      translator,
    );
  }, [alerts, incidents, live, notifier, offices, pinnedKey, queues, settings.scope, translator]);

  // Numbers from a screen that lost its gateway are old: the tray says stale rather than green.
  const statuses = useAppStore(
    useShallow((s) => pinnedQueueIds.map((id) => (live ? (s.feed.states[id]?.health.status ?? 'no-data') : 'stale'))),
  );
  useEffect(() => {
    setTrayStatus?.(trayStatus(statuses));
  }, [setTrayStatus, statuses]);
}

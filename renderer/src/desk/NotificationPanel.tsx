import { useTranslation } from 'react-i18next';
import type { NotificationSettings } from '../../../shared/ipc/desk-contract';

export interface NotificationPanelProps {
  settings: NotificationSettings;
  onChange: (settings: NotificationSettings) => void;
  /** The browser's permission; null in the app, which shows notifications itself. */
  permission: NotificationPermission | 'unsupported' | null;
  onRequestPermission: () => void;
  problem: string | null;
  pinnedQueues: number;
}

export function NotificationPanel({ settings, onChange, permission, onRequestPermission, problem, pinnedQueues }: NotificationPanelProps) {
  const { t } = useTranslation();
  const quiet = settings.quietHours;
  const setQuiet = (change: Partial<NotificationSettings['quietHours']>) => onChange({ ...settings, quietHours: { ...quiet, ...change } });
  return (
    <section className="desk-notifications" aria-label={t('desk.notifications.label')}>
      {permission === 'default' ? (
        <button type="button" className="action-button action-primary" onClick={onRequestPermission}>
          {t('desk.notifications.turnOn')}
        </button>
      ) : (
        permission && <span className="desk-permission" data-testid="notification-permission">{t(`desk.notifications.permission.${permission}`)}</span>
      )}
      <label>
        {t('desk.notifications.notifyFor')}
        <select value={settings.scope} onChange={(e) => onChange({ ...settings, scope: e.target.value === 'all' ? 'all' : 'pinned' })}>
          <option value="pinned">{t('desk.notifications.pinnedQueues')}</option>
          <option value="all">{t('desk.notifications.allQueues')}</option>
        </select>
      </label>
      {settings.scope === 'pinned' && pinnedQueues === 0 && <span className="desk-hint">{t('desk.notifications.noPins')}</span>}
      <label className="desk-check">
        <input type="checkbox" checked={quiet.enabled} onChange={(e) => setQuiet({ enabled: e.target.checked })} />
        {t('desk.notifications.quietHours')}
      </label>
      {quiet.enabled && (
        <>
          <label>
            {t('desk.notifications.from')}
            <input type="time" value={quiet.start} required onChange={(e) => e.target.value && setQuiet({ start: e.target.value })} />
          </label>
          <label>
            {t('desk.notifications.to')}
            <input type="time" value={quiet.end} required onChange={(e) => e.target.value && setQuiet({ end: e.target.value })} />
          </label>
          <label>
            <span className="visually-hidden">{t('desk.notifications.during')}</span>
            <select value={quiet.mode} onChange={(e) => setQuiet({ mode: e.target.value === 'suppress' ? 'suppress' : 'silent' })}>
              <option value="silent">{t('desk.notifications.silent')}</option>
              <option value="suppress">{t('desk.notifications.suppress')}</option>
            </select>
          </label>
        </>
      )}
      {problem && <p className="desk-problem" role="alert">{problem}</p>}
    </section>
  );
}

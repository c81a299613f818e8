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

const PERMISSION_WORDS: Record<NotificationPermission | 'unsupported', string> = {
  granted: 'Desktop notifications are on.',
  denied: 'This browser blocks notifications for this page: allow them in the site settings.',
  default: '',
  unsupported: 'This browser cannot show desktop notifications.',
};

export function NotificationPanel({ settings, onChange, permission, onRequestPermission, problem, pinnedQueues }: NotificationPanelProps) {
  const quiet = settings.quietHours;
  const setQuiet = (change: Partial<NotificationSettings['quietHours']>) => onChange({ ...settings, quietHours: { ...quiet, ...change } });
  return (
    <section className="desk-notifications" aria-label="Notifications">
      {permission === 'default' ? (
        <button type="button" className="action-button action-primary" onClick={onRequestPermission}>
          Turn on desktop notifications
        </button>
      ) : (
        permission && <span className="desk-permission" data-testid="notification-permission">{PERMISSION_WORDS[permission]}</span>
      )}
      <label>
        Notify for
        <select value={settings.scope} onChange={(e) => onChange({ ...settings, scope: e.target.value === 'all' ? 'all' : 'pinned' })}>
          <option value="pinned">pinned queues</option>
          <option value="all">all queues</option>
        </select>
      </label>
      {settings.scope === 'pinned' && pinnedQueues === 0 && <span className="desk-hint">No queue pinned yet: pin one to be notified about it.</span>}
      <label className="desk-check">
        <input type="checkbox" checked={quiet.enabled} onChange={(e) => setQuiet({ enabled: e.target.checked })} />
        Quiet hours
      </label>
      {quiet.enabled && (
        <>
          <label>
            from
            <input type="time" value={quiet.start} required onChange={(e) => e.target.value && setQuiet({ start: e.target.value })} />
          </label>
          <label>
            to
            <input type="time" value={quiet.end} required onChange={(e) => e.target.value && setQuiet({ end: e.target.value })} />
          </label>
          <label>
            <span className="visually-hidden">During quiet hours</span>
            <select value={quiet.mode} onChange={(e) => setQuiet({ mode: e.target.value === 'suppress' ? 'suppress' : 'silent' })}>
              <option value="silent">without sound</option>
              <option value="suppress">none at all</option>
            </select>
          </label>
        </>
      )}
      {problem && <p className="desk-problem" role="alert">{problem}</p>}
    </section>
  );
}

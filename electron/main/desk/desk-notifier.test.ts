import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from '../../../shared/ipc/desk-contract';
import { transition } from '../../../tests/support/desk-fixtures';
import { FakeTime } from '../../../tests/support/fake-time';
import { createTranslator, type Language } from '../../../shared/i18n/translator';
import { DeskNotifier, type NotificationLike, type PauseState } from './desk-notifier';

const HOUR = 3_600_000;
/** 2026-11-24 12:00 on the fake clock; minuteOfDay below reads it as UTC so tests do not depend on TZ. */
const NOON = Date.UTC(2026, 10, 24, 12, 0);

class FakeNotification implements NotificationLike {
  readonly listeners = new Map<string, () => void>();
  shown = false;
  constructor(readonly options: { title: string; body: string; silent: boolean }) {}
  on(event: 'click' | 'close', listener: () => void) {
    this.listeners.set(event, listener);
  }
  show() {
    this.shown = true;
  }
  click() {
    this.listeners.get('click')?.();
  }
}

function setUp(settings: Partial<NotificationSettings> = {}, pinned = ['lis-chat-pt', 'q0', 'q1', 'q2', 'q3', 'q4', 'q5', 'q6'], language: Language = 'en') {
  const clock = new FakeTime(NOON);
  const notifications: FakeNotification[] = [];
  const clicks: string[] = [];
  const pauses: PauseState[] = [];
  const current = { ...DEFAULT_NOTIFICATION_SETTINGS, ...settings };
  const notifier = new DeskNotifier({
    createNotification: (options) => {
      const notification = new FakeNotification(options);
      notifications.push(notification);
      return notification;
    },
    clock,
    minuteOfDay: (ms) => Math.floor((ms % 86_400_000) / 60_000),
    settings: () => current,
    pinnedQueueIds: () => new Set(pinned),
    translator: () => createTranslator(language),
    onClick: (queueId) => clicks.push(queueId),
    onPauseChange: (state) => pauses.push(state),
  });
  const titles = () => notifications.map((n) => n.options.title);
  return { clock, notifier, notifications, clicks, pauses, titles, current };
}

const stormOf = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => transition({ alertId: `a${from + i}`, queueId: `q${i % 7}`, queueName: `Queue ${i % 7}` }));

describe('DeskNotifier', () => {
  it('shows a critical transition of a pinned queue, with sound, and a click shows that queue', () => {
    const { notifier, notifications, clicks } = setUp();
    notifier.notify([transition()]);
    expect(notifications.map((n) => [n.options, n.shown])).toEqual([
      [{ title: 'Chat Portugal is critical', body: 'Lisbon · First response p90: 12 min', silent: false }, true],
    ]);
    notifications[0]?.click();
    expect(clicks).toEqual(['lis-chat-pt']);
  });

  it('ignores warnings, queues that are not pinned (by default) and alerts it has already shown', () => {
    const { notifier, titles } = setUp();
    notifier.notify([transition({ level: 'warning' }), transition({ alertId: 'x', queueId: 'not-pinned' })]);
    notifier.notify([transition()]);
    notifier.notify([transition(), transition()]);
    expect(titles()).toEqual(['Chat Portugal is critical']);
  });

  it('with scope "all", notifies for queues that are not pinned', () => {
    const { notifier, titles } = setUp({ scope: 'all' }, []);
    notifier.notify([transition({ queueId: 'not-pinned', queueName: 'Email Spain' })]);
    expect(titles()).toEqual(['Email Spain is critical']);
  });

  it('folds a storm of fifty into one grouped notification that focuses the first queue', () => {
    const { clock, notifier, notifications, clicks, titles } = setUp();
    notifier.notify(stormOf(50));
    expect(notifications).toEqual([]);
    clock.advance(1_000);
    expect(titles()).toEqual(['7 queues turned critical']);
    expect(notifications[0]?.options.body).toBe('Queue 0, Queue 1, Queue 2 and 4 more');
    notifications[0]?.click();
    expect(clicks).toEqual(['q0']);
    clock.advance(60_000);
    expect(notifications).toHaveLength(1);
  });

  it('shows up to three one by one, then groups the rest of a trickle: at most one group per window', () => {
    const { clock, notifier, titles } = setUp();
    for (let i = 0; i < 30; i++) {
      notifier.notify([transition({ alertId: `a${i}`, queueId: `q${i % 7}`, queueName: `Queue ${i % 7}` })]);
      clock.advance(500);
    }
    clock.advance(30_000);
    // Thirty alerts over 15 s: three alone (0–1 s); the fourth (1.5 s) starts a storm that gathers
    // for 1 s (1.5 and 2 s); then one group per 10 s: at 12.5 s (2.5–12 s) and 22.5 s (12.5–14.5 s).
    expect(titles()).toEqual([
      'Queue 0 is critical',
      'Queue 1 is critical',
      'Queue 2 is critical',
      '2 queues turned critical',
      '7 queues turned critical',
      '5 queues turned critical',
    ]);
  });

  it('goes back to single notifications once the storm has passed', () => {
    const { clock, notifier, titles } = setUp();
    notifier.notify(stormOf(5));
    clock.advance(20_000);
    notifier.notify([transition({ alertId: 'later' })]);
    expect(titles()).toEqual(['5 queues turned critical', 'Chat Portugal is critical']);
  });

  it('quiet hours across midnight (silent mode): shows without sound at 23:30, with sound at 07:00', () => {
    const { clock, notifier, notifications } = setUp({ quietHours: { enabled: true, start: '22:00', end: '07:00', mode: 'silent' } });
    clock.advance(11.5 * HOUR);
    notifier.notify([transition({ alertId: 'night' })]);
    clock.advance(7.5 * HOUR);
    notifier.notify([transition({ alertId: 'morning' })]);
    expect(notifications.map((n) => n.options.silent)).toEqual([true, false]);
  });

  it('quiet hours in suppress mode show nothing, and the suppressed alert does not fire afterwards', () => {
    const { clock, notifier, notifications } = setUp({ quietHours: { enabled: true, start: '22:00', end: '07:00', mode: 'suppress' } });
    clock.advance(14 * HOUR);
    notifier.notify([transition()]);
    clock.advance(8 * HOUR);
    notifier.notify([transition()]);
    expect(notifications).toEqual([]);
  });

  it('pausing for an hour drops transitions until the pause runs out, and says so both times', () => {
    const { clock, notifier, pauses, titles } = setUp();
    notifier.pauseFor(HOUR);
    expect(notifier.pauseState()).toEqual({ paused: true, until: NOON + HOUR });
    notifier.notify([transition({ alertId: 'during' })]);
    clock.advance(HOUR);
    expect(notifier.pauseState()).toEqual({ paused: false });
    notifier.notify([transition({ alertId: 'after' })]);
    expect(titles()).toEqual(['Chat Portugal is critical']);
    expect(pauses).toEqual([{ paused: true, until: NOON + HOUR }, { paused: false }]);
  });

  it('pausing until resumed lasts until resume, and drops a storm that was gathering', () => {
    const { clock, notifier, notifications, pauses } = setUp();
    notifier.notify(stormOf(10));
    notifier.pauseFor(null);
    clock.advance(48 * HOUR);
    expect(notifications).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
    notifier.resume();
    notifier.notify([transition({ alertId: 'back' })]);
    expect(notifications).toHaveLength(1);
    expect(pauses).toEqual([{ paused: true, until: null }, { paused: false }]);
  });

  it('a second pause replaces the first one and its timer', () => {
    const { clock, notifier } = setUp();
    notifier.pauseFor(HOUR);
    notifier.pauseFor(null);
    clock.advance(2 * HOUR);
    expect(notifier.pauseState()).toEqual({ paused: true, until: null });
    expect(clock.pendingTimers).toBe(0);
  });

  it('speaks the app\'s language: Portuguese and Dutch notifications, single and grouped', () => {
    const pt = setUp({}, undefined, 'pt');
    pt.notifier.notify([transition({ kind: 'at-risk', level: 'warning', metricLabel: 'Pendentes', valueText: '42', projectedMinutes: 0.5 })]);
    expect(pt.notifications[0]?.options).toMatchObject({ title: 'Chat Portugal está em risco', body: 'Lisbon · Pendentes: 42 · incumprimento previsto a qualquer momento' });
    const nl = setUp({}, undefined, 'nl');
    nl.notifier.notify(stormOf(50));
    nl.clock.advance(1_000);
    expect(nl.notifications.map((n) => [n.options.title, n.options.body])).toEqual([['7 wachtrijen werden kritiek', 'Queue 0, Queue 1, Queue 2 en nog 4']]);
  });

  describe('broadcasts', () => {
    const notice = { broadcastId: 'b1', severity: 'critical' as const, text: { en: 'Phones are down', pt: 'Os telefones estão em baixo' } };

    it('shows a broadcast once, in the app language, with sound only when critical', () => {
      const { notifier, notifications } = setUp({}, [], 'pt');
      notifier.notifyBroadcast(notice);
      notifier.notifyBroadcast(notice);
      notifier.notifyBroadcast({ broadcastId: 'b2', severity: 'info', text: 'Fire drill at 11:00' });
      expect(notifications.map((n) => [n.options, n.shown])).toEqual([
        [{ title: 'Comunicado · Crítico', body: 'Os telefones estão em baixo', silent: false }, true],
        [{ title: 'Comunicado · Aviso informativo', body: 'Fire drill at 11:00', silent: true }, true],
      ]);
    });

    it('falls back to English, and holds a broadcast back while paused', () => {
      const { notifier, notifications } = setUp({}, [], 'nl');
      notifier.pauseFor(HOUR);
      notifier.notifyBroadcast(notice);
      expect(notifications).toEqual([]);
      notifier.resume();
      notifier.notifyBroadcast({ ...notice, broadcastId: 'b3' });
      expect(notifications.map((n) => n.options.body)).toEqual(['Phones are down']);
    });
  });
});

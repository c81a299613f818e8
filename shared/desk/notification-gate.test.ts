import { describe, expect, it } from 'vitest';
import { transition } from '../../tests/support/desk-fixtures';
import { FakeTime } from '../../tests/support/fake-time';
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from '../ipc/desk-contract';
import { NotificationGate } from './notification-gate';
import type { NotificationContent } from './notification-rules';

function setUp(settings: NotificationSettings = DEFAULT_NOTIFICATION_SETTINGS, minute = 12 * 60) {
  const clock = new FakeTime(0);
  const shown: Array<{ content: NotificationContent; silent: boolean }> = [];
  let muted = false;
  const gate = new NotificationGate({
    clock,
    minuteOfDay: () => minute,
    settings: () => settings,
    pinnedQueueIds: () => new Set(['lis-chat-pt', 'q0', 'q1', 'q2', 'q3', 'q4']),
    muted: () => muted,
    show: (content, silent) => void shown.push({ content, silent }),
  });
  const titles = () => shown.map((s) => s.content.title);
  return { clock, gate, shown, titles, mute: (on: boolean) => (muted = on) };
}
const storm = (count: number, from = 0) => Array.from({ length: count }, (_, i) => transition({ alertId: `a${from + i}`, queueId: `q${i % 5}`, queueName: `Queue ${i % 5}` }));

describe('NotificationGate', () => {
  it('shows up to three at once, each alert once, only critical or at risk, only in scope', () => {
    const { gate, titles } = setUp();
    gate.notify([transition(), transition({ alertId: 'w', level: 'warning' }), transition({ alertId: 'x', queueId: 'elsewhere' })]);
    gate.notify([transition()]);
    expect(titles()).toEqual([{ key: 'main.notification.critical', params: { queue: 'Chat Portugal' } }]);
  });

  it('gathers a storm for a second and shows one group, then at most one group per window', () => {
    const { clock, gate, titles } = setUp();
    gate.notify(storm(8));
    expect(titles()).toEqual([]);
    clock.advance(1_000);
    expect(titles()).toEqual([{ key: 'main.notification.groupCritical', params: { count: 5 } }]);
    gate.notify(storm(2, 100));
    clock.advance(5_000);
    expect(titles()).toHaveLength(1);
    clock.advance(5_000);
    expect(titles()).toHaveLength(2);
  });

  it('quiet hours: silent in silent mode; nothing, and nothing later, in suppress mode', () => {
    const night = (mode: 'silent' | 'suppress'): NotificationSettings => ({ scope: 'pinned', quietHours: { enabled: true, start: '22:00', end: '07:00', mode } });
    const silent = setUp(night('silent'), 23 * 60);
    silent.gate.notify([transition()]);
    expect(silent.shown.map((s) => s.silent)).toEqual([true]);
    const suppress = setUp(night('suppress'), 23 * 60);
    suppress.gate.notify([transition()]);
    suppress.gate.notify([transition()]);
    expect(suppress.shown).toEqual([]);
  });

  it('while muted drops transitions for good; a discarded storm never shows', () => {
    const { clock, gate, shown, mute } = setUp();
    gate.notify(storm(6));
    gate.discardGathered();
    mute(true);
    gate.notify([transition()]);
    mute(false);
    gate.notify([transition()]);
    clock.advance(60_000);
    expect(shown).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('NotificationGate and incidents', () => {
  const incident = { id: 'inc-1', title: 'Card payments failing' };

  it('notifies an open incident once, however many of its queues alert and whenever they do; other alerts as before', () => {
    const { clock, gate, shown, titles } = setUp();
    gate.notify(storm(8).map((t) => ({ ...t, incident })));
    expect(titles()).toEqual([{ key: 'incidents.notification.title', params: { title: 'Card payments failing' } }]);
    expect(shown[0]!.content.body).toEqual([{ key: 'incidents.notification.body', params: { names: 'Queue 0, Queue 1, Queue 2, +2' } }]);
    clock.advance(60_000);
    gate.notify(storm(3, 100).map((t) => ({ ...t, incident })));
    clock.advance(60_000);
    expect(shown).toHaveLength(1);
    gate.notify([transition({ alertId: 'alone' })]);
    expect(titles().at(-1)).toEqual({ key: 'main.notification.critical', params: { queue: 'Chat Portugal' } });
    gate.notify([transition({ alertId: 'second', incident: { id: 'inc-2', title: 'Phones down' } })]);
    expect(titles().at(-1)).toEqual({ key: 'incidents.notification.title', params: { title: 'Phones down' } });
  });

  it('an incident seen during suppressing quiet hours counts as notified, as its alerts do', () => {
    const quiet: NotificationSettings = { scope: 'pinned', quietHours: { enabled: true, start: '22:00', end: '07:00', mode: 'suppress' } };
    const { gate, shown } = setUp(quiet, 23 * 60);
    gate.notify([transition({ incident })]);
    expect(shown).toEqual([]);
  });
});

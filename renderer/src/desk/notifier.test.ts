import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings, type Transition } from './desk-bridge';
import { BrowserNotifier, createBridgeNotifier, isQuiet } from './notifier';

const t = (i: number, over: Partial<Transition> = {}): Transition => ({
  alertId: `a${i}`,
  queueId: `q${i}`,
  queueName: `Queue ${i}`,
  officeName: 'Lisbon',
  kind: 'threshold',
  level: 'critical',
  metricLabel: 'Backlog',
  valueText: '120',
  projectedMinutes: null,
  at: i,
  ...over,
});

function setup(settings: NotificationSettings = DEFAULT_NOTIFICATION_SETTINGS, permission: NotificationPermission = 'granted') {
  const shown: Array<{ title: string; body: string; silent: boolean; click: () => void }> = [];
  const timers: Array<() => void> = [];
  const clicked: string[] = [];
  let now = 1_000_000;
  const notifier = new BrowserNotifier({
    api: { permission: () => permission, show: (title, options, click) => void shown.push({ title, body: options.body, silent: options.silent, click }) },
    scheduler: { setTimeout: (callback) => timers.push(callback) },
    now: () => now,
    minuteOfDay: () => 23 * 60,
    settings: () => settings,
    onClick: (queueId) => clicked.push(queueId),
  });
  const runTimers = () => timers.splice(0).forEach((f) => f());
  return { notifier, shown, clicked, runTimers, advance: (ms: number) => (now += ms) };
}

describe('BrowserNotifier', () => {
  it('shows one notification per transition, and a click shows that queue', () => {
    const { notifier, shown, clicked, runTimers } = setup();
    notifier.notify([t(1), t(2, { kind: 'at-risk', level: 'warning', projectedMinutes: 14 })]);
    expect(shown).toEqual([]); // gathered first
    runTimers();
    expect(shown.map((s) => s.title)).toEqual(['Queue 1 is critical', 'Queue 2 is at risk']);
    expect(shown[1]!.body).toBe('Lisbon · Backlog: 120 · breach expected in 14 min');
    shown[1]!.click();
    expect(clicked).toEqual(['q2']);
  });

  it('folds a storm into one notification naming the worst queues first', () => {
    const { notifier, shown, clicked, runTimers } = setup();
    notifier.notify([t(1, { kind: 'at-risk', level: 'warning' }), t(2), t(3)]);
    notifier.notify([t(4), t(5), t(6)]);
    runTimers();
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe('6 queues need attention');
    expect(shown[0]!.body).toBe('Queue 2, Queue 3, Queue 4 and 3 more');
    shown[0]!.click();
    expect(clicked).toEqual(['q2']);
  });

  it('counts what it showed in the last ten seconds towards a storm', () => {
    const { notifier, shown, runTimers, advance } = setup();
    notifier.notify([t(1), t(2)]);
    runTimers();
    notifier.notify([t(3), t(4)]);
    runTimers();
    expect(shown.map((s) => s.title)).toEqual(['Queue 1 is critical', 'Queue 2 is critical', '2 queues turned critical']);
    advance(11_000);
    notifier.notify([t(5)]);
    runTimers();
    expect(shown.at(-1)!.title).toBe('Queue 5 is critical');
  });

  it('keeps quiet hours: silent, or nothing at all', () => {
    const quiet = (mode: 'silent' | 'suppress'): NotificationSettings => ({ scope: 'all', quietHours: { enabled: true, start: '22:00', end: '07:00', mode } });
    const silent = setup(quiet('silent'));
    silent.notifier.notify([t(1)]);
    silent.runTimers();
    expect(silent.shown.map((s) => s.silent)).toEqual([true]);
    const suppressed = setup(quiet('suppress'));
    suppressed.notifier.notify([t(1)]);
    suppressed.runTimers();
    expect(suppressed.shown).toEqual([]);
  });

  it('shows nothing without the browser’s permission', () => {
    const { notifier, shown, runTimers } = setup(DEFAULT_NOTIFICATION_SETTINGS, 'default');
    notifier.notify([t(1)]);
    runTimers();
    expect(shown).toEqual([]);
  });
});

describe('isQuiet', () => {
  const hours = (start: string, end: string) => ({ enabled: true, start, end, mode: 'silent' as const });
  it('handles a range across midnight and one within a day', () => {
    expect(isQuiet(23 * 60, hours('22:00', '07:00'))).toBe(true);
    expect(isQuiet(6 * 60 + 59, hours('22:00', '07:00'))).toBe(true);
    expect(isQuiet(7 * 60, hours('22:00', '07:00'))).toBe(false);
    expect(isQuiet(13 * 60, hours('12:00', '14:00'))).toBe(true);
    expect(isQuiet(13 * 60, { ...hours('12:00', '14:00'), enabled: false })).toBe(false);
  });
});

describe('bridge notifier', () => {
  it('hands the transitions to the app and reports a failure', async () => {
    const calls: Transition[][] = [];
    const problems: string[] = [];
    const notifier = createBridgeNotifier(async (list) => {
      calls.push(list);
      if (list.length > 1) throw new Error('refused');
    }, (p) => problems.push(p));
    notifier.notify([]);
    notifier.notify([t(1)]);
    notifier.notify([t(1), t(2)]);
    await Promise.resolve();
    await Promise.resolve();
    expect(calls.map((c) => c.length)).toEqual([1, 2]);
    expect(problems).toEqual(['The app could not show a notification: refused']);
  });
});

import { describe, expect, it } from 'vitest';
import { isQuiet } from '../../../shared/desk/notification-rules';
import { createTranslator } from '../../../shared/i18n/translator';
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings, type Transition } from '../../../shared/ipc/desk-contract';
import { BrowserNotifier, createBridgeNotifier } from './notifier';

const english = createTranslator('en');

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

/** Queues q1 to q9 are pinned; timers run when the test says, whatever their delay. */
function setup(settings: NotificationSettings = DEFAULT_NOTIFICATION_SETTINGS, permission: NotificationPermission = 'granted') {
  const shown: Array<{ title: string; body: string; silent: boolean; click: () => void }> = [];
  const timers = new Set<() => void>();
  const clicked: string[] = [];
  let now = 1_000_000;
  const notifier = new BrowserNotifier({
    api: { permission: () => permission, show: (title, options, click) => void shown.push({ title, body: options.body, silent: options.silent, click }) },
    clock: {
      now: () => now,
      after: (_ms, task) => {
        timers.add(task);
        return () => timers.delete(task);
      },
    },
    minuteOfDay: () => 23 * 60,
    settings: () => settings,
    pinnedQueueIds: () => new Set(Array.from({ length: 9 }, (_, i) => `q${i + 1}`)),
    onClick: (queueId) => clicked.push(queueId),
  });
  const runTimers = () => {
    const due = [...timers];
    timers.clear();
    due.forEach((task) => task());
  };
  return { notifier, shown, clicked, runTimers, advance: (ms: number) => (now += ms) };
}

describe('BrowserNotifier', () => {
  it('shows one notification per transition, and a click shows that queue', () => {
    const { notifier, shown, clicked } = setup();
    // At once, as in the app: only a storm is gathered first.
    notifier.notify([t(1), t(2, { kind: 'at-risk', level: 'warning', projectedMinutes: 14 })], english);
    expect(shown.map((s) => s.title)).toEqual(['Queue 1 is critical', 'Queue 2 is at risk']);
    expect(shown[1]!.body).toBe('Lisbon · Backlog: 120 · breach expected in 14 min');
    shown[1]!.click();
    expect(clicked).toEqual(['q2']);
  });

  it('folds a storm into one notification naming the worst queues first', () => {
    const { notifier, shown, clicked, runTimers } = setup();
    notifier.notify([t(1, { kind: 'at-risk', level: 'warning' }), t(2), t(3), t(4), t(5), t(6)], english);
    expect(shown).toEqual([]); // a storm gathers first
    runTimers();
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe('6 queues need attention');
    expect(shown[0]!.body).toBe('Queue 2, Queue 3, Queue 4 and 3 more');
    shown[0]!.click();
    expect(clicked).toEqual(['q2']);
  });

  it('counts what it showed in the last ten seconds towards a storm', () => {
    const { notifier, shown, runTimers, advance } = setup();
    notifier.notify([t(1), t(2)], english);
    runTimers();
    notifier.notify([t(3), t(4)], english);
    runTimers();
    expect(shown.map((s) => s.title)).toEqual(['Queue 1 is critical', 'Queue 2 is critical', '2 queues turned critical']);
    advance(11_000);
    notifier.notify([t(5)], english);
    runTimers();
    expect(shown.at(-1)!.title).toBe('Queue 5 is critical');
  });

  it('keeps quiet hours: silent, or nothing at all', () => {
    const quiet = (mode: 'silent' | 'suppress'): NotificationSettings => ({ scope: 'all', quietHours: { enabled: true, start: '22:00', end: '07:00', mode } });
    const silent = setup(quiet('silent'));
    silent.notifier.notify([t(1)], english);
    silent.runTimers();
    expect(silent.shown.map((s) => s.silent)).toEqual([true]);
    const suppressed = setup(quiet('suppress'));
    suppressed.notifier.notify([t(1)], english);
    suppressed.runTimers();
    expect(suppressed.shown).toEqual([]);
  });

  it('shows nothing without the browser’s permission', () => {
    const { notifier, shown, runTimers } = setup(DEFAULT_NOTIFICATION_SETTINGS, 'default');
    notifier.notify([t(1)], english);
    runTimers();
    expect(shown).toEqual([]);
  });
});

describe('the same rules and words as the app', () => {
  it('says "any minute" and "in N h" like the app, not "in 150 min"', () => {
    const { notifier, shown } = setup();
    notifier.notify([t(1, { kind: 'at-risk', level: 'warning', projectedMinutes: 150 }), t(2, { kind: 'at-risk', level: 'warning', projectedMinutes: 0.3 })], english);
    expect(shown.map((s) => s.body)).toEqual(['Lisbon · Backlog: 120 · breach expected in 3 h', 'Lisbon · Backlog: 120 · breach expected any minute']);
  });

  it('ignores warnings, unpinned queues (by default) and an alert it has already shown', () => {
    const { notifier, shown } = setup();
    notifier.notify([t(1, { level: 'warning' }), t(2, { queueId: 'not-pinned' }), t(3)], english);
    notifier.notify([t(3)], english);
    expect(shown.map((s) => s.title)).toEqual(['Queue 3 is critical']);
  });

  it("speaks the page's language", () => {
    const { notifier, shown, runTimers } = setup();
    notifier.notify([t(1, { kind: 'at-risk', level: 'warning', projectedMinutes: 20 })], createTranslator('pt'));
    notifier.notify([t(2), t(3), t(4), t(5)], createTranslator('nl'));
    runTimers();
    expect(shown.map((s) => [s.title, s.body])).toEqual([
      ['Queue 1 está em risco', 'Lisbon · Backlog: 120 · incumprimento previsto dentro de 20 min'],
      ['4 wachtrijen werden kritiek', 'Queue 2, Queue 3, Queue 4 en nog 1'],
    ]);
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
    }, (p) => problems.push(english.say(p)));
    notifier.notify([], english);
    notifier.notify([t(1)], english);
    notifier.notify([t(1), t(2)], english);
    await Promise.resolve();
    await Promise.resolve();
    expect(calls.map((c) => c.length)).toEqual([1, 2]);
    expect(problems).toEqual(['The app could not show a notification: refused']);
  });

  it("says so in the page's language", async () => {
    const problems: string[] = [];
    const notifier = createBridgeNotifier(async () => Promise.reject(new Error('geweigerd')), (p) => problems.push(createTranslator('nl').say(p)));
    notifier.notify([t(1)], english);
    await new Promise((settled) => setTimeout(settled, 0));
    expect(problems).toEqual(['De app kon geen melding tonen: geweigerd']);
  });
});

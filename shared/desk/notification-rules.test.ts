import { describe, expect, it } from 'vitest';
import { transition } from '../../tests/support/desk-fixtures';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import { pt } from '../i18n/pt';
import { createTranslator, type Language } from '../i18n/translator';
import type { NotificationSettings, Transition } from '../ipc/desk-contract';
import {
  describeGroup as describeGroupContent,
  describeTransition as describeTransitionContent,
  isInScope,
  isNotifiable,
  isQuiet,
  renderNotification,
  worstFirst,
  type NotificationContent,
} from './notification-rules';

/** The rules give keys and values; these tests read them in a language, English unless said. */
const words = (content: NotificationContent, language: Language = 'en') => ({
  ...renderNotification(content, createTranslator(language).t),
  queueId: content.queueId,
});
const describeTransition = (t: Transition) => words(describeTransitionContent(t));
const describeGroup = (list: readonly Transition[]) => words(describeGroupContent(list));

const quiet = (start: string, end: string, enabled = true): NotificationSettings['quietHours'] => ({ enabled, start, end, mode: 'silent' });
const at = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

describe('isNotifiable', () => {
  it('critical threshold transitions and every at-risk transition notify; threshold warnings do not', () => {
    expect(isNotifiable(transition())).toBe(true);
    expect(isNotifiable(transition({ level: 'warning' }))).toBe(false);
    expect(isNotifiable(transition({ kind: 'at-risk', level: 'warning' }))).toBe(true);
    expect(isNotifiable(transition({ kind: 'at-risk', level: 'critical' }))).toBe(true);
  });
});

describe('isQuiet', () => {
  it.each([
    ['21:59', false],
    ['22:00', true],
    ['23:59', true],
    ['00:00', true],
    ['06:59', true],
    ['07:00', false],
    ['12:00', false],
  ])('22:00–07:00 crosses midnight: %s is quiet: %s', (time, expected) => {
    expect(isQuiet(at(time), quiet('22:00', '07:00'))).toBe(expected);
  });

  it.each([
    ['12:59', false],
    ['13:00', true],
    ['13:59', true],
    ['14:00', false],
  ])('13:00–14:00 within a day: %s is quiet: %s', (time, expected) => {
    expect(isQuiet(at(time), quiet('13:00', '14:00'))).toBe(expected);
  });

  it('is never quiet when off (the default), and always quiet when start equals end', () => {
    expect(isQuiet(at('23:00'), quiet('22:00', '07:00', false))).toBe(false);
    expect(isQuiet(at('03:00'), quiet('09:00', '09:00'))).toBe(true);
    expect(isQuiet(at('09:00'), quiet('09:00', '09:00'))).toBe(true);
  });
});

describe('describeTransition', () => {
  it('names the queue, the office, the metric and its value', () => {
    expect(describeTransition(transition())).toEqual({
      title: 'Chat Portugal is critical',
      body: 'Lisbon · First response p90: 12 min',
      queueId: 'lis-chat-pt',
    });
  });

  it.each([
    [15.4, 'Lisbon · Backlog: 42 · breach expected in 15 min'],
    [0.4, 'Lisbon · Backlog: 42 · breach expected any minute'],
    [150, 'Lisbon · Backlog: 42 · breach expected in 3 h'],
    [null, 'Lisbon · Backlog: 42'],
  ])('at risk with %s minutes to go: %s', (projectedMinutes, body) => {
    const content = describeTransition(transition({ kind: 'at-risk', level: 'warning', metricLabel: 'Backlog', valueText: '42', projectedMinutes }));
    expect(content).toEqual({ title: 'Chat Portugal is at risk', body, queueId: 'lis-chat-pt' });
  });
});

describe('describeGroup', () => {
  const names = ['Chat Portugal', 'Email Spain', 'Phone Lisbon', 'Chat Dutch', 'Email Dutch', 'X Global', 'Trustpilot'];
  const storm = names.map((queueName, i) =>
    transition({ alertId: `a${i}`, queueId: `q${i}`, queueName, at: 1_000 + i }),
  );

  it('"7 queues turned critical: Chat Portugal, Email Spain, …", worst and first first', () => {
    expect(describeGroup(storm)).toEqual({
      title: '7 queues turned critical',
      body: 'Chat Portugal, Email Spain, Phone Lisbon and 4 more',
      queueId: 'q0',
    });
  });

  it('counts a queue with two alerts once, and says "at risk" or "need attention" for other mixes', () => {
    const atRisk = storm.slice(0, 2).map((t) => ({ ...t, kind: 'at-risk' as const, level: 'warning' as const }));
    expect(describeGroup(atRisk)).toMatchObject({ title: '2 queues are at risk', body: 'Chat Portugal, Email Spain' });
    const mixed = [...atRisk, { ...storm[0]!, alertId: 'other' }];
    expect(describeGroup(mixed)).toMatchObject({ title: '2 queues need attention', queueId: 'q0' });
  });

  it('focuses the worst queue: a critical breach beats an earlier at-risk warning', () => {
    const early = transition({ alertId: 'x', queueId: 'early', kind: 'at-risk', level: 'warning', at: 1 });
    const critical = transition({ alertId: 'y', queueId: 'worst', at: 5 });
    expect(describeGroup([early, critical]).queueId).toBe('worst');
    expect(worstFirst([early, critical]).map((t) => t.queueId)).toEqual(['worst', 'early']);
  });
});

describe('isInScope', () => {
  it('pinned queues only by default; every queue with scope "all"', () => {
    expect(isInScope('a', 'pinned', new Set(['a']))).toBe(true);
    expect(isInScope('b', 'pinned', new Set(['a']))).toBe(false);
    expect(isInScope('b', 'all', new Set())).toBe(true);
  });
});

describe('in Portuguese and Dutch', () => {
  const atRisk = transition({ kind: 'at-risk', level: 'warning', metricLabel: 'Backlog', valueText: '42', projectedMinutes: 150 });
  const storm = ['A', 'B', 'C', 'D', 'E'].map((queueName, i) => transition({ alertId: `a${i}`, queueId: `q${i}`, queueName }));

  it('says the same things in the lead\'s language, numbers through Intl', () => {
    expect(words(describeTransitionContent(transition()), 'pt').title).toBe('Chat Portugal está em estado crítico');
    expect(words(describeTransitionContent(atRisk), 'pt').body).toBe('Lisbon · Backlog: 42 · incumprimento previsto dentro de 3 h');
    expect(words(describeGroupContent(storm), 'pt')).toMatchObject({ title: '5 filas passaram a estado crítico', body: 'A, B, C e mais 2' });
    expect(words(describeTransitionContent(atRisk), 'nl')).toMatchObject({ title: 'Chat Portugal loopt risico', body: 'Lisbon · Backlog: 42 · overschrijding verwacht over 3 uur' });
    expect(words(describeGroupContent(storm.slice(0, 1)), 'nl').title).toBe('1 wachtrij werd kritiek');
    expect(words(describeGroupContent(Array.from({ length: 1200 }, (_, i) => transition({ alertId: `x${i}`, queueId: `q${i}` }))), 'nl').title).toBe(
      '1.200 wachtrijen werden kritiek',
    );
  });

  it('every key the rules give exists in all three languages (with its plural forms)', () => {
    const mixed = [...storm, { ...atRisk, alertId: 'r' }];
    const contents = [
      transition(),
      transition({ valueText: '' }),
      ...[null, 0.2, 20, 200].map((projectedMinutes) => transition({ kind: 'at-risk', projectedMinutes })),
    ]
      .map(describeTransitionContent)
      .concat([storm, storm.slice(0, 2), [atRisk], mixed].map(describeGroupContent));
    const keys = new Set(contents.flatMap((c) => [c.title, ...c.body]).flatMap((text) => ('key' in text ? [text.key] : [])));
    expect(keys.size).toBeGreaterThanOrEqual(9);
    const lookup = (messages: unknown, path: string) => path.split('.').reduce((node: unknown, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
    for (const messages of [en, pt, nl]) {
      for (const key of keys) {
        const forms = typeof lookup(messages, key) === 'string' ? [key] : [`${key}_one`, `${key}_other`];
        for (const form of forms) expect(typeof lookup(messages, form), form).toBe('string');
      }
    }
  });
});

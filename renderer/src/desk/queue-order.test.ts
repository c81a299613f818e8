import { describe, expect, it } from 'vitest';
import { chatQueue, emailQueue, phoneQueue, state } from '../../../tests/support/renderer-fixtures';
import { FILTERS_STORAGE_KEY, loadFilters, matchesFilters, NO_FILTERS, saveFilters, severityOf, sortBySeverity } from './queue-order';

const health = (status: string, atRisk: { metric: string; minutes: number } | null = null, stale = false) =>
  ({
    status,
    metrics: {},
    atRisk,
    stale: stale ? { reason: 'no-recent-data', message: 'No data for 5 min', lastStatus: 'ok' } : null,
  }) as never;
const q = (id: string, name = id) => ({ ...chatQueue, id, name });

describe('severity order', () => {
  it('ranks critical, at risk, warning, stale, ok, no data', () => {
    const queues = ['nodata', 'ok', 'stale', 'warning', 'atrisk', 'critical'].map((id) => q(id));
    const states = {
      ok: state('ok', { health: health('ok') }),
      stale: state('stale', { health: health('stale', null, true) }),
      warning: state('warning', { health: health('warning') }),
      atrisk: state('atrisk', { health: health('warning', { metric: 'backlog', minutes: 12 }) }),
      critical: state('critical', { health: health('critical', { metric: 'backlog', minutes: 3 }) }),
    };
    expect(sortBySeverity(queues, states).map((x) => x.id)).toEqual(['critical', 'atrisk', 'warning', 'stale', 'ok', 'nodata']);
    expect(severityOf(states.atrisk)).toBe('at-risk');
    expect(severityOf(state('x', { health: health('ok', { metric: 'backlog', minutes: 20 }) }))).toBe('at-risk');
    expect(severityOf(undefined)).toBe('no-data');
  });

  it('puts the longest wait first among equals, then sorts by name', () => {
    const waiting = (s: number) => state('x', { health: health('warning'), metrics: { oldestWaitingSeconds: s } as never });
    const states = { a: waiting(60), b: waiting(600), c: waiting(60) };
    expect(sortBySeverity([q('c', 'Charlie'), q('a', 'Alpha'), q('b', 'Bravo')], states).map((x) => x.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('filters', () => {
  it('match office, channel and team (in-house or partner)', () => {
    expect([chatQueue, emailQueue, phoneQueue].filter((x) => matchesFilters(x, { ...NO_FILTERS, officeId: 'lisbon' })).map((x) => x.id)).toEqual(['lis-chat', 'lis-email']);
    expect(matchesFilters(emailQueue, { ...NO_FILTERS, channel: 'email' })).toBe(true);
    expect(matchesFilters(chatQueue, { ...NO_FILTERS, channel: 'email' })).toBe(false);
    expect(matchesFilters(emailQueue, { ...NO_FILTERS, team: 'Tagus Contact' })).toBe(true);
    expect(matchesFilters(chatQueue, { ...NO_FILTERS, team: 'Tagus Contact' })).toBe(false);
  });

  it('are remembered, and a damaged entry means no filter', () => {
    const storage = new Map<string, string>();
    const s = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) };
    saveFilters(s, { officeId: 'amsterdam', channel: 'chat', team: null });
    expect(loadFilters(s)).toEqual({ officeId: 'amsterdam', channel: 'chat', team: null });
    storage.set(FILTERS_STORAGE_KEY, '{not json');
    expect(loadFilters(s)).toEqual(NO_FILTERS);
    expect(loadFilters(null)).toEqual(NO_FILTERS);
  });
});

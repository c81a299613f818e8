import { describe, expect, it } from 'vitest';
import { HISTORY_POINTS } from './history-slice';
import { createAppStore } from './store';

const MIN = 60_000;

describe('history slice', () => {
  it('keeps at most HISTORY_POINTS per queue however long it runs', () => {
    const store = createAppStore();
    for (let minute = 0; minute < 24 * 60 * 7; minute++) store.getState().appendMinute(minute * MIN, { a: minute, b: null });
    const a = store.getState().history.backlog.a!;
    expect(a.at).toHaveLength(HISTORY_POINTS);
    expect(a.values).toHaveLength(HISTORY_POINTS);
    expect(a.values.at(-1)).toBe(24 * 60 * 7 - 1);
  });

  it('replaces the value of a minute it already has, and ignores one older than the gateway history', () => {
    const store = createAppStore();
    store.getState().loadHistory({ a: { at: [0, MIN, 2 * MIN], values: [1, 2, 3] } });
    store.getState().appendMinute(2 * MIN, { a: 9 });
    expect(store.getState().history.backlog.a).toEqual({ at: [0, MIN, 2 * MIN], values: [1, 2, 9] });
    store.getState().appendMinute(MIN, { a: 7 });
    expect(store.getState().history.backlog.a!.values).toEqual([1, 2, 9]);
    store.getState().appendMinute(3 * MIN, { a: 4 });
    expect(store.getState().history.backlog.a!.values).toEqual([1, 2, 9, 4]);
  });

  it('trims loaded history to the bound and forgets queues that are gone', () => {
    const store = createAppStore();
    const long = { at: Array.from({ length: 200 }, (_, i) => i * MIN), values: Array.from({ length: 200 }, (_, i) => i) };
    store.getState().loadHistory({ a: long, gone: long });
    expect(store.getState().history.backlog.a!.at).toHaveLength(HISTORY_POINTS);
    store.getState().appendMinute(200 * MIN, { a: 1 });
    expect(Object.keys(store.getState().history.backlog)).toEqual(['a']);
  });
});

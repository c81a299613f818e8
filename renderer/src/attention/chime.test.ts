import { describe, expect, it } from 'vitest';
import { snapshot, state } from '../../../tests/support/renderer-fixtures';
import { createAppStore } from '../store/store';
import { startChime, type ToneContext } from './chime';

function fakeContext() {
  const started: number[] = [];
  const context: ToneContext = {
    currentTime: 0,
    destination: {},
    createOscillator: () => ({ type: '', frequency: { setValueAtTime: () => undefined }, connect: () => undefined, start: (t) => started.push(t), stop: () => undefined }),
    createGain: () => ({ gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: () => undefined }),
  };
  return { context, started };
}

const critical = { status: 'critical', metrics: {}, stale: null, atRisk: null } as const;

describe('chime', () => {
  it('sounds on a transition to critical only: not for a snapshot, not while it stays critical', () => {
    const store = createAppStore();
    const { context, started } = fakeContext();
    let created = 0;
    startChime(store, () => (created++, context), 10_000);
    store.getState().applySnapshot(snapshot(1, { states: [state('lis-chat', { health: critical }), state('lis-email'), state('ams-phone')] }), 0);
    expect(created).toBe(0);
    store.getState().applyPatches([{ queueId: 'lis-email', health: critical }], 2, [], { localTime: 100_000 });
    expect(started).toHaveLength(2); // two notes
    store.getState().applyPatches([{ queueId: 'lis-email', metrics: { backlog: 99 } }], 3, [], { localTime: 101_000 });
    expect(started).toHaveLength(2);
    // Another queue turning critical right after stays quiet; later it chimes again.
    store.getState().applyPatches([{ queueId: 'ams-phone', health: critical }], 4, [], { localTime: 105_000 });
    expect(started).toHaveLength(2);
    store.getState().applyPatches([{ queueId: 'lis-chat', health: { ...critical, status: 'ok' } }], 5, [], { localTime: 200_000 });
    store.getState().applyPatches([{ queueId: 'lis-chat', health: critical }], 6, [], { localTime: 200_000 });
    expect(started).toHaveLength(4);
    expect(created).toBe(1);
  });
});

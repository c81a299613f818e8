import { describe, expect, it } from 'vitest';
import { snapshot, state } from '../../../tests/support/renderer-fixtures';
import type { Alert } from '../../../shared/protocol/protocol';
import { feedSelectors } from './feed-slice';
import { createAppStore } from './store';

const health = (status: 'ok' | 'warning' | 'critical') => ({ status, metrics: {}, stale: null, atRisk: null });
const alert = (id: string, level: 'warning' | 'critical', openedAt: number, queueId = 'lis-chat'): Alert => ({
  id, queueId, kind: 'threshold', metric: 'backlog', level, value: 1, threshold: 1, projectedMinutes: null, openedAt,
  resolvedAt: null, resolution: null, acknowledged: null, snoozed: null,
});

describe('feed slice', () => {
  it('records when a queue turns critical in an update, never for a snapshot', () => {
    const store = createAppStore();
    store.getState().applySnapshot(snapshot(1, { states: [state('lis-chat', { health: health('critical') }), state('lis-email'), state('ams-phone')] }), 0);
    expect(store.getState().feed.escalatedAt).toEqual({});
    store.getState().applyPatches([{ queueId: 'lis-email', health: health('critical') }], 2, [], { localTime: 5000 });
    expect(store.getState().feed.escalatedAt).toEqual({ 'lis-email': 5000 });
    // Staying critical is not a new transition.
    store.getState().applyPatches([{ queueId: 'lis-email', health: health('critical') }], 3, [], { localTime: 9000 });
    expect(store.getState().feed.escalatedAt['lis-email']).toBe(5000);
    store.getState().applyPatches([{ queueId: 'lis-email', health: health('warning') }], 4, [], { localTime: 10_000 });
    store.getState().applyPatches([{ queueId: 'lis-email', health: health('critical') }], 5, [], { localTime: 20_000 });
    expect(store.getState().feed.escalatedAt['lis-email']).toBe(20_000);
  });

  it('picks the worst open alert of a queue: critical first, then the newest', () => {
    const store = createAppStore();
    store.getState().applySnapshot(snapshot(1, { alerts: [alert('w-old', 'warning', 1), alert('c', 'critical', 2), alert('w-new', 'warning', 3), alert('x', 'critical', 9, 'ams-phone')] }), 0);
    expect(feedSelectors.worstAlert('lis-chat')(store.getState())?.id).toBe('c');
    store.getState().applyPatches([], 2, [{ ...alert('c', 'critical', 2), resolvedAt: 5, resolution: 'recovered' }]);
    expect(feedSelectors.worstAlert('lis-chat')(store.getState())?.id).toBe('w-new');
    expect(feedSelectors.worstAlert('lis-email')(store.getState())).toBeUndefined();
  });
});

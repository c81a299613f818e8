import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { snapshot, state } from '../../../tests/support/renderer-fixtures';
import { StoreProvider } from '../store/store-context';
import { createAppStore } from '../store/store';
import { WallView } from './WallView';

function renderWall(officeId: string | null) {
  const store = createAppStore();
  render(
    <StoreProvider store={store}>
      <WallView officeId={officeId} />
    </StoreProvider>,
  );
  return store;
}

const statusOf = () => screen.getByTestId('connection-status').dataset.status;

describe('WallView', () => {
  it('shows a section per office with its tiles when no office is chosen', () => {
    const store = renderWall(null);
    act(() => {
      store.getState().applySnapshot(snapshot(1), Date.now());
      store.getState().setConnection('live');
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('All offices');
    expect(screen.getAllByRole('region').map((r) => r.getAttribute('aria-label'))).toEqual(['Lisbon', 'Amsterdam']);
    expect(screen.getAllByTestId('queue-tile')).toHaveLength(3);
    expect(statusOf()).toBe('live');
  });

  it('shows only the chosen office, with its name and worst status', () => {
    const store = renderWall('lisbon');
    act(() => {
      store.getState().applySnapshot(
        snapshot(1, { states: [state('lis-chat'), state('lis-email', { health: { status: 'warning', metrics: {} } as never }), state('ams-phone', { health: { status: 'critical', metrics: {} } as never })] }),
        Date.now(),
      );
      store.getState().setConnection('live');
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Lisbon');
    expect(screen.getAllByTestId('queue-tile').map((t) => t.dataset.queueId)).toEqual(['lis-chat', 'lis-email']);
    // Amsterdam's critical queue is not on this wall.
    expect(screen.getByTestId('worst-status').dataset.status).toBe('warning');
  });

  it('re-renders a tile when its queue changes', () => {
    const store = renderWall(null);
    act(() => {
      store.getState().applySnapshot(snapshot(1), Date.now());
      store.getState().setConnection('live');
    });
    act(() => store.getState().applyPatches([{ queueId: 'ams-phone', metrics: { backlog: 42 } }], 2));
    expect(document.querySelector('[data-queue-id="ams-phone"] [data-metric="backlog"]')?.textContent).toBe('42');
  });

  it('when the connection drops, says so with the age of the data and greys every tile', () => {
    const store = renderWall(null);
    act(() => {
      store.getState().applySnapshot(snapshot(1), Date.now());
      store.getState().setConnection('live');
      store.getState().messageReceived(Date.UTC(2026, 10, 22, 14, 3));
      store.getState().setConnection('reconnecting', 'Lost the connection to the gateway; reconnecting.');
    });
    expect(statusOf()).toBe('reconnecting');
    expect(screen.getByTestId('connection-status').textContent).toMatch(/Disconnected — showing data from \d\d:03/);
    expect(screen.getAllByTestId('queue-tile').every((t) => t.className.includes('tile-stale'))).toBe(true);
    expect(screen.getByTestId('worst-status').textContent).toBe('Status unknown');
  });

  it('names the offices it has when asked for one it does not', () => {
    const store = renderWall('porto');
    act(() => {
      store.getState().applySnapshot(snapshot(1), Date.now());
      store.getState().setConnection('live');
    });
    expect(screen.getByText(/No office “porto” on this gateway\. Offices: lisbon, amsterdam\./)).toBeTruthy();
  });

  it('names who acknowledged or snoozed a queue’s alert, the latest first', () => {
    const store = renderWall('lisbon');
    const open = { kind: 'threshold', metric: 'backlog', level: 'warning', value: 9, threshold: 8, projectedMinutes: null, openedAt: 1, resolvedAt: null, resolution: null } as const;
    act(() => {
      store.getState().applySnapshot(snapshot(1, { alerts: [{ ...open, id: 'a1', queueId: 'lis-chat', acknowledged: null, snoozed: null }] }), Date.now());
      store.getState().setConnection('live');
    });
    expect(screen.queryByTestId('tile-handled')).toBeNull();
    act(() =>
      store.getState().applyPatches([], 2, [
        { ...open, id: 'a1', queueId: 'lis-chat', acknowledged: { by: 'Ana Costa', at: 10, note: null }, snoozed: null },
        { ...open, id: 'a2', queueId: 'lis-email', acknowledged: { by: 'Ana Costa', at: 10, note: null }, snoozed: { by: 'Bram de Vries', at: 20, until: 99 } },
      ]),
    );
    const line = (id: string) => document.querySelector(`[data-queue-id="${id}"] [data-testid="tile-handled"]`)?.textContent;
    expect(line('lis-chat')).toBe('✓ Acknowledged by Ana Costa');
    expect(line('lis-email')).toBe('Snoozed by Bram de Vries');
  });
});

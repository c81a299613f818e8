import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { alert, fakeDeskServices } from '../../../tests/support/desk-view-fakes';
import { snapshot, state } from '../../../tests/support/renderer-fixtures';
import { DeskServicesProvider } from '../desk/desk-services-context';
import { StoreProvider } from '../store/store-context';
import { createAppStore } from '../store/store';
import { PinsView } from './PinsView';

beforeEach(() => window.localStorage.clear());

function renderPins(pins: Array<{ kind: 'queue' | 'alert'; id: string }>) {
  window.localStorage.setItem('queueboard.pins', JSON.stringify(pins));
  const store = createAppStore();
  const fakes = fakeDeskServices();
  render(
    <StoreProvider store={store}>
      <DeskServicesProvider services={fakes.services}>
        <PinsView />
      </DeskServicesProvider>
    </StoreProvider>,
  );
  act(() => {
    store.getState().applySnapshot(
      snapshot(1, {
        states: [state('lis-chat'), state('lis-email'), state('ams-phone', { health: { status: 'critical', metrics: {}, stale: null, atRisk: null } as never })],
        alerts: [alert('a1', { queueId: 'ams-phone', level: 'critical', acknowledged: { by: 'Bram de Vries', at: 1, note: null } })],
      }),
      Date.now(),
    );
    store.getState().setConnection('live');
  });
  return { store, ...fakes };
}

describe('PinsView', () => {
  it('shows what was pinned (kept from before), compact, with status in words', () => {
    renderPins([{ kind: 'queue', id: 'ams-phone' }, { kind: 'alert', id: 'a1' }]);
    const queue = screen.getByTestId('pinned-queue');
    expect(queue.dataset.queueId).toBe('ams-phone');
    expect(queue.textContent).toContain('Critical');
    expect(queue.textContent).toContain('Phone Netherlands');
    expect(queue.textContent).toContain('4 open');
    const pinnedAlert = screen.getByTestId('pinned-alert');
    expect(pinnedAlert.textContent).toContain('Phone Netherlands');
    expect(pinnedAlert.textContent).toContain('Ack: Bram de Vries');
  });

  it('removes a pin', async () => {
    const user = userEvent.setup();
    renderPins([{ kind: 'queue', id: 'ams-phone' }, { kind: 'queue', id: 'lis-chat' }]);
    await user.click(screen.getByRole('button', { name: 'Unpin Phone Netherlands' }));
    expect(screen.getAllByTestId('pinned-queue').map((q) => q.dataset.queueId)).toEqual(['lis-chat']);
    expect(JSON.parse(window.localStorage.getItem('queueboard.pins')!)).toEqual([{ kind: 'queue', id: 'lis-chat' }]);
  });

  it('says when a pinned alert is no longer open, and when nothing is pinned', async () => {
    const user = userEvent.setup();
    const { store } = renderPins([{ kind: 'alert', id: 'a1' }]);
    act(() => store.getState().applyPatches([], 2, [alert('a1', { queueId: 'ams-phone', resolvedAt: 5, resolution: 'recovered' })]));
    const closed = screen.getByTestId('pinned-alert');
    expect(closed.textContent).toContain('no longer open');
    await user.click(within(closed).getByRole('button'));
    expect(screen.getByText(/Nothing pinned yet/)).toBeTruthy();
  });

  it('greys pinned queues when the connection is lost', () => {
    const { store } = renderPins([{ kind: 'queue', id: 'ams-phone' }]);
    act(() => store.getState().setConnection('reconnecting'));
    expect(screen.getByTestId('pinned-queue').textContent).toContain('Last: Critical');
  });
});

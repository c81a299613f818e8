import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Queue } from '../../../shared/model';
import { amsterdam, lisbon, snapshot, state } from '../../../tests/support/renderer-fixtures';
import { StoreProvider } from '../store/store-context';
import { createAppStore } from '../store/store';
import { WallView } from './WallView';

function renderWall(officeId: string | null = null) {
  const store = createAppStore();
  render(
    <StoreProvider store={store}>
      <WallView officeId={officeId} locale="en-GB" language="en" onNextLanguage={() => {}} pageMs={20_000} />
    </StoreProvider>,
  );
  return store;
}

const critical = { status: 'critical', metrics: {}, stale: null, atRisk: null } as const;
const flashing = () => [...document.querySelectorAll('[data-testid="tile-flash"]')].map((f) => f.closest<HTMLElement>('[data-testid="queue-tile"]')!.dataset.queueId);

afterEach(() => vi.useRealTimers());

describe('WallView attention', () => {
  it('flashes a tile on a transition to critical, for a few seconds, and not for a critical queue in the snapshot', () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    const store = renderWall();
    act(() => {
      store.getState().applySnapshot(snapshot(1, { states: [state('lis-chat', { health: critical }), state('lis-email'), state('ams-phone')] }), Date.now());
      store.getState().setConnection('live');
    });
    expect(flashing()).toEqual([]);
    act(() => store.getState().applyPatches([{ queueId: 'ams-phone', health: critical }], 2, [], { localTime: Date.now() }));
    expect(flashing()).toEqual(['ams-phone']);
    act(() => void vi.advanceTimersByTime(6000));
    expect(flashing()).toEqual([]);
  });
});

describe('WallView paging', () => {
  const many = (office: string, count: number): Queue[] =>
    Array.from({ length: count }, (_, i) => ({ id: `${office.slice(0, 3)}-q${i}`, name: `Queue ${i}`, officeId: office, channel: 'email', team: { name: 'Team', kind: 'in-house' } }));

  it('pages through offices that do not fit one screen, with a page indicator, every interval and on the arrow keys', () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    const store = renderWall();
    // Eight queues an office: a page each (at most two rows of four tiles keep every text at 24 px).
    const queues = [...many('lisbon', 8), ...many('amsterdam', 8)];
    act(() => {
      store.getState().applySnapshot(snapshot(1, { offices: [lisbon, amsterdam], queues, states: queues.map((q) => state(q.id)) }), Date.now());
      store.getState().setConnection('live');
    });
    const officesShown = () => [...new Set(screen.getAllByTestId('queue-tile').map((t) => t.dataset.officeId))];
    expect(screen.getByTestId('page-indicator').textContent).toBe('1/2');
    expect(officesShown()).toEqual(['lisbon']);
    expect(screen.getAllByTestId('queue-tile')).toHaveLength(8);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Lisbon');
    act(() => void vi.advanceTimersByTime(20_000));
    expect(screen.getByTestId('page-indicator').textContent).toBe('2/2');
    expect(officesShown()).toEqual(['amsterdam']);
    act(() => void fireEvent.keyDown(window, { key: 'ArrowRight' }));
    expect(officesShown()).toEqual(['lisbon']);
  });

  it('shows no page indicator when everything fits', () => {
    const store = renderWall();
    act(() => {
      store.getState().applySnapshot(snapshot(1), Date.now());
      store.getState().setConnection('live');
    });
    expect(screen.queryByTestId('page-indicator')).toBeNull();
  });
});

import { act, cleanup, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { snapshot, state } from '../../../tests/support/renderer-fixtures';
import { StoreProvider } from '../store/store-context';
import { createAppStore } from '../store/store';
import { WallView } from './WallView';

function renderWall(officeId: string | null, groupId: string | null = null) {
  const store = createAppStore();
  render(
    <StoreProvider store={store}>
      <WallView officeId={officeId} groupId={groupId} locale="en-GB" language="en" onNextLanguage={() => {}} />
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

  describe('a queue group', () => {
    const groups = [
      { id: 'partners', name: 'Partners', queueIds: ['lis-email'] },
      { id: 'voice-and-chat', name: 'Voice and chat', queueIds: ['lis-chat', 'ams-phone'] },
    ];
    const worse = { status: 'critical', metrics: {} } as never;
    const live = (store: ReturnType<typeof createAppStore>) =>
      act(() => {
        store.getState().applySnapshot(snapshot(1, { groups, states: [state('lis-chat'), state('lis-email'), state('ams-phone', { health: worse })] }), Date.now());
        store.getState().setConnection('live');
      });
    const tiles = () => screen.getAllByTestId('queue-tile').map((t) => t.dataset.queueId);
    const sections = () => screen.getAllByRole('region').map((r) => r.getAttribute('aria-label'));

    it('shows only its queues, in the offices that hold them, titled with its name and judged by them alone', () => {
      const store = renderWall(null, 'partners');
      live(store);
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Partners');
      expect(tiles()).toEqual(['lis-email']);
      expect(sections()).toEqual(['Lisbon']);
      // Amsterdam's critical phone queue is not a partner queue.
      expect(screen.getByTestId('worst-status').dataset.status).toBe('ok');
    });

    it('spans offices, and narrows to one office when one is chosen too', () => {
      const store = renderWall(null, 'voice-and-chat');
      live(store);
      expect(sections()).toEqual(['Lisbon', 'Amsterdam']);
      expect(tiles()).toEqual(['lis-chat', 'ams-phone']);
      expect(screen.getByTestId('worst-status').dataset.status).toBe('critical');
      cleanup();
      const lisbonOnly = renderWall('lisbon', 'voice-and-chat');
      live(lisbonOnly);
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Lisbon · Voice and chat');
      expect(tiles()).toEqual(['lis-chat']);
      expect(screen.getByTestId('worst-status').dataset.status).toBe('ok');
    });

    it('an unknown group shows no queue, and names the groups there are', () => {
      const store = renderWall(null, 'vip');
      live(store);
      expect(screen.queryAllByTestId('queue-tile')).toEqual([]);
      expect(screen.getByText('No queue group “vip” on this gateway. Groups: partners, voice-and-chat.')).toBeTruthy();
    });
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
    const now = Date.now();
    act(() => {
      // The same instant on both clocks: any offset would move "14:03" by a millisecond to "14:02".
      store.getState().applySnapshot({ ...snapshot(1), serverTime: now }, now);
      store.getState().setConnection('live');
      store.getState().messageReceived(Date.UTC(2026, 10, 22, 14, 3));
      store.getState().setConnection('reconnecting', { key: 'disconnected' });
    });
    expect(statusOf()).toBe('reconnecting');
    expect(screen.getByTestId('connection-status').textContent).toMatch(/^Disconnected · data \d+ \w+ old /);
    expect(document.querySelector('.connection-age')?.getAttribute('title')).toMatch(/^showing data from \d\d:03$/);
    expect(document.querySelector('.wall-notice')?.textContent).toBe('Lost the connection to the gateway; reconnecting.');
    expect(screen.getAllByTestId('queue-tile').every((t) => t.className.includes('tile-stale'))).toBe(true);
    expect(screen.getByTestId('worst-status').textContent).toBe('Status unknown');
  });

  it('says an unreachable gateway in the office language, without the transport error', () => {
    const store = renderWall(null);
    act(() => {
      store.getState().applySnapshot(snapshot(1), Date.now());
      store.getState().setConnection('reconnecting', { key: 'unreachable', detail: 'xhr poll error' });
    });
    expect(screen.getByTestId('connection-problem').textContent).toBe('Cannot reach the gateway; trying again.');
    expect(document.body.textContent).not.toContain('xhr');
  });

  it('names the offices it has when asked for one it does not', () => {
    const store = renderWall('porto');
    act(() => {
      store.getState().applySnapshot(snapshot(1), Date.now());
      store.getState().setConnection('live');
    });
    expect(screen.getByText(/No office “porto” on this gateway\. Offices: lisbon, amsterdam\./)).toBeTruthy();
  });
});

import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { alert, fakeCommands, fakeDeskServices } from '../../../tests/support/desk-view-fakes';
import { snapshot } from '../../../tests/support/renderer-fixtures';
import { CommandsProvider } from '../feed/commands-context';
import { StoreProvider } from '../store/store-context';
import { createAppStore } from '../store/store';
import { DeskView } from './DeskView';
import { DeskServicesProvider } from './desk-services-context';

beforeEach(() => window.localStorage.clear());

function renderDesk() {
  const store = createAppStore();
  const fakes = fakeDeskServices();
  render(
    <StoreProvider store={store}>
      <CommandsProvider commands={fakeCommands().commands}>
        <DeskServicesProvider services={fakes.services}>
          <DeskView />
        </DeskServicesProvider>
      </CommandsProvider>
    </StoreProvider>,
  );
  const live = (alerts = [alert('old', { level: 'critical' })]) =>
    act(() => {
      store.getState().applySnapshot(snapshot(1, { alerts }), Date.now());
      store.getState().setConnection('live');
    });
  let seq = 1;
  const update = (...alerts: ReturnType<typeof alert>[]) => act(() => store.getState().applyPatches([], ++seq, alerts));
  return { store, live, update, ...fakes };
}

describe('desk notifications and tray', () => {
  it('hands over an alert opening at critical or at risk on a pinned queue once; never the first snapshot or a warning', async () => {
    const user = userEvent.setup();
    const { live, update, notified } = renderDesk();
    live();
    expect(notified).toEqual([]); // the snapshot's critical alert is not news
    await user.click(screen.getByRole('button', { name: 'Pin Chat Portugal' }));
    update(alert('c1', { level: 'critical' }), alert('w1'), alert('r1', { kind: 'at-risk', projectedMinutes: 9 }));
    expect(notified.flat().map((t) => t.alertId)).toEqual(['c1', 'r1']);
    expect(notified.flat()[0]).toMatchObject({ queueName: 'Chat Portugal', officeName: 'Lisbon', metricLabel: 'Oldest waiting', valueText: '12m' });
    update(alert('c1', { level: 'critical', acknowledged: { by: 'Ana', at: 1, note: null } }));
    expect(notified.flat()).toHaveLength(2);
  });

  it('ignores unpinned queues unless set to all queues', async () => {
    const user = userEvent.setup();
    const { live, update, notified } = renderDesk();
    live([]);
    update(alert('c1', { level: 'critical', queueId: 'ams-phone' }));
    expect(notified.flat()).toEqual([]);
    await user.selectOptions(screen.getByLabelText('Notify for'), 'all');
    update(alert('c2', { level: 'critical', queueId: 'ams-phone' }));
    expect(notified.flat().map((t) => t.alertId)).toEqual(['c2']);
  });

  it('waits for a live snapshot before judging what is new', () => {
    const { store, update, notified } = renderDesk();
    act(() => store.getState().applySnapshot(snapshot(1, { alerts: [alert('c0', { level: 'critical' })] }), Date.now()));
    update(alert('c1', { level: 'critical' }));
    act(() => store.getState().setConnection('live'));
    expect(notified.flat()).toEqual([]);
  });

  it('gives the tray the worst of the pinned queues, and stale when the connection is lost', async () => {
    const user = userEvent.setup();
    const { store, live, tray } = renderDesk();
    live([]);
    act(() =>
      store.getState().applyPatches([{ queueId: 'ams-phone', health: { status: 'critical', metrics: {}, stale: null, atRisk: null } }], 2),
    );
    await user.click(screen.getByRole('button', { name: 'Pin Chat Portugal' }));
    expect(tray.at(-1)).toEqual({ worst: 'ok', counts: { ok: 1, warning: 0, critical: 0, 'no-data': 0, stale: 0 } });
    await user.click(screen.getByRole('button', { name: 'Pin Phone Netherlands' }));
    expect(tray.at(-1)).toEqual({ worst: 'critical', counts: { ok: 1, warning: 0, critical: 1, 'no-data': 0, stale: 0 } });
    act(() => store.getState().setConnection('reconnecting'));
    expect(tray.at(-1)!.worst).toBe('stale');
  });

  it('a notification click shows the queue: filters cleared, row marked and focused', async () => {
    const user = userEvent.setup();
    const { live, focus } = renderDesk();
    live([]);
    await user.selectOptions(screen.getByLabelText('Office'), 'lisbon');
    act(() => focus('ams-phone'));
    const row = screen.getAllByTestId('desk-queue-row').find((r) => r.dataset.queueId === 'ams-phone')!;
    expect(row.className).toContain('desk-row-highlight');
    expect(document.activeElement).toBe(row);
    expect((screen.getByLabelText('Office') as HTMLSelectElement).value).toBe('');
  });
});

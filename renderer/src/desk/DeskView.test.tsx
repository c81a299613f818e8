import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/ipc/app-settings';
import type { SettingsState } from '../../../shared/ipc/ipc-contract';
import { BRIDGE_KEY } from '../../../shared/ipc/ipc-names';
import { alert, fakeCommands, fakeDeskServices } from '../../../tests/support/desk-view-fakes';
import { snapshot, state } from '../../../tests/support/renderer-fixtures';
import type { CommandResult } from '../../../shared/protocol/protocol';
import { CommandsProvider } from '../feed/commands-context';
import { StoreProvider } from '../store/store-context';
import { createAppStore } from '../store/store';
import { DeskView } from './DeskView';
import { DeskServicesProvider } from './desk-services-context';
import { FILTERS_STORAGE_KEY } from './queue-order';

beforeEach(() => window.localStorage.clear());

const SERVER_TIME = 1_700_000_000_000;

function renderDesk(answer?: (event: string, payload: unknown) => CommandResult, alerts = [alert('a1'), alert('a2', { queueId: 'ams-phone', level: 'critical', openedAt: SERVER_TIME - 60_000 })]) {
  const store = createAppStore();
  const fakes = fakeDeskServices();
  const { commands, sent } = fakeCommands(answer);
  const view = () => (
    <StoreProvider store={store}>
      <CommandsProvider commands={commands}>
        <DeskServicesProvider services={fakes.services}>
          <DeskView />
        </DeskServicesProvider>
      </CommandsProvider>
    </StoreProvider>
  );
  const rendered = render(view());
  act(() => {
    store.getState().applySnapshot(
      snapshot(1, {
        serverTime: SERVER_TIME,
        states: [
          state('lis-chat', { health: { status: 'warning', metrics: {}, stale: null, atRisk: null } as never, metrics: { oldestWaitingSeconds: 300 } as never }),
          state('lis-email', { health: { status: 'ok', metrics: {}, stale: null, atRisk: { metric: 'backlog', minutes: 12 } } as never }),
          state('ams-phone', { health: { status: 'critical', metrics: {}, stale: null, atRisk: null } as never }),
        ],
        alerts,
      }),
      Date.now(),
    );
    store.getState().setConnection('live');
    store.getState().setSession({ role: 'lead', name: 'Ana Costa' });
  });
  return { store, sent, ...fakes, rerender: () => rendered.rerender(view()) };
}

const rowIds = () => screen.getAllByTestId('desk-queue-row').map((r) => r.dataset.queueId);
const card = (id: string) => screen.getAllByTestId('alert-card').find((c) => c.dataset.alertId === id)!;

describe('DeskView', () => {
  it('lists queues worst first: critical, at risk, warning', () => {
    renderDesk();
    expect(rowIds()).toEqual(['ams-phone', 'lis-email', 'lis-chat']);
    expect(screen.getAllByTestId('desk-queue-row')[1]!.textContent).toContain('At risk');
    expect(screen.getAllByTestId('desk-queue-row')[1]!.textContent).toContain('breach in ~12 min');
  });

  it('filters by office, channel and team, and remembers the filters', async () => {
    const user = userEvent.setup();
    renderDesk();
    await user.selectOptions(screen.getByLabelText('Office'), 'lisbon');
    expect(rowIds()).toEqual(['lis-email', 'lis-chat']);
    await user.selectOptions(screen.getByLabelText('Team or partner'), 'Tagus Contact');
    expect(rowIds()).toEqual(['lis-email']);
    expect(JSON.parse(window.localStorage.getItem(FILTERS_STORAGE_KEY)!)).toEqual({ officeId: 'lisbon', channel: null, team: 'Tagus Contact' });
    // The alert feed follows the filters too.
    expect(screen.queryAllByTestId('alert-card')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.selectOptions(screen.getByLabelText('Channel'), 'phone');
    expect(rowIds()).toEqual(['ams-phone']);
  });

  it('shows open alerts worst first with queue, metric, value against threshold and age', () => {
    renderDesk();
    const cards = screen.getAllByTestId('alert-card');
    expect(cards.map((c) => c.dataset.alertId)).toEqual(['a2', 'a1']);
    expect(cards[1]!.textContent).toContain('Chat Portugal');
    expect(cards[1]!.textContent).toContain('Oldest waiting 12m (warning above 10m)');
    expect(cards[1]!.textContent).toMatch(/\d+m( \d+s)? ago/);
  });

  it('acknowledges with a note in one click and says who acknowledged once the gateway says so', async () => {
    const user = userEvent.setup();
    const { sent, store } = renderDesk();
    const a1 = card('a1');
    await user.type(within(a1).getByLabelText('Note for Chat Portugal (optional)'), 'Two agents moved over');
    await user.click(within(a1).getByRole('button', { name: 'Acknowledge' }));
    expect(sent).toEqual([{ event: 'alert:acknowledge', payload: { alertId: 'a1', note: 'Two agents moved over' } }]);
    expect(within(card('a1')).getByTestId('alert-outcome').textContent).toBe('Acknowledged with your note.');
    expect((within(card('a1')).getByLabelText('Note for Chat Portugal (optional)') as HTMLInputElement).value).toBe('');
    act(() => store.getState().applyPatches([], 2, [alert('a1', { acknowledged: { by: 'Ana Costa', at: SERVER_TIME, note: 'Two agents moved over' } })]));
    expect(within(card('a1')).getByTestId('alert-ack').textContent).toMatch(/Acknowledged by Ana Costa at \d\d:\d\d — “Two agents moved over”/);
    // Handled alerts go below those that still need someone, their controls folded away.
    expect(screen.getAllByTestId('alert-card').map((c) => c.dataset.alertId)).toEqual(['a2', 'a1']);
    expect(card('a1').querySelector('details.alert-more summary')?.textContent).toBe('Add a note or snooze');
    expect(card('a2').querySelector('details')).toBeNull();
  });

  it('acknowledges from the keyboard: type a note, press Enter', async () => {
    const user = userEvent.setup();
    const { sent } = renderDesk();
    within(card('a2')).getByLabelText('Note for Phone Netherlands (optional)').focus();
    await user.keyboard('Calling the partner{Enter}');
    expect(sent).toEqual([{ event: 'alert:acknowledge', payload: { alertId: 'a2', note: 'Calling the partner' } }]);
  });

  it('acknowledges without a note', async () => {
    const user = userEvent.setup();
    const { sent } = renderDesk();
    await user.click(within(card('a2')).getByRole('button', { name: 'Acknowledge' }));
    expect(sent).toEqual([{ event: 'alert:acknowledge', payload: { alertId: 'a2' } }]);
  });

  it('snoozes 15 min and 1 h on the gateway clock, or until a chosen time', async () => {
    const user = userEvent.setup();
    const { sent } = renderDesk();
    await user.click(within(card('a1')).getByRole('button', { name: 'Snooze 15 min' }));
    await user.click(within(card('a2')).getByRole('button', { name: 'Snooze 1 h' }));
    // The gateway's clock (its snapshot said SERVER_TIME, years before this laptop's), not the laptop's.
    const [fifteen, hour] = sent.map((s) => (s.payload as { until: number }).until - SERVER_TIME);
    expect(fifteen).toBeGreaterThanOrEqual(15 * 60_000);
    expect(fifteen).toBeLessThan(15 * 60_000 + 5000);
    expect(hour).toBeGreaterThanOrEqual(60 * 60_000);
    expect(hour).toBeLessThan(60 * 60_000 + 5000);
    const until = within(card('a1')).getByLabelText('until');
    await user.type(until, '16:30');
    await user.click(within(card('a1')).getByRole('button', { name: 'Snooze until 16:30' }));
    const chosen = new Date((sent[2]!.payload as { until: number }).until);
    expect([chosen.getHours(), chosen.getMinutes()]).toEqual([16, 30]);
    expect(chosen.getTime()).toBeGreaterThan(SERVER_TIME);
    expect(chosen.getTime() - SERVER_TIME).toBeLessThanOrEqual(24 * 3_600_000);
  });

  it('shows a refusal as the gateway words it', async () => {
    const user = userEvent.setup();
    renderDesk(() => ({ ok: false, code: 'forbidden', issues: ["alert:acknowledge: needs the lead role; this screen's token (Lisbon floor screen) has the display role"] }));
    await user.click(within(card('a1')).getByRole('button', { name: 'Acknowledge' }));
    const outcome = within(card('a1')).getByRole('alert');
    expect(outcome.textContent).toBe("Refused by the gateway: alert:acknowledge: needs the lead role; this screen's token (Lisbon floor screen) has the display role");
  });

  it('an acknowledgement the shared store did not commit: says whether it stands, not "refused"', async () => {
    const user = userEvent.setup();
    renderDesk(() => ({ ok: false, code: 'store-pending', issues: ['alert:acknowledge: made on the evaluating gateway and shown on the screens, but not yet saved in the shared store (…)'] }));
    await user.click(within(card('a1')).getByRole('button', { name: 'Acknowledge' }));
    expect(within(card('a1')).getByRole('alert').textContent).toBe(
      'Done and shown on the screens, but not yet saved in the shared store, which is not answering. It is saved once the store is back; if the gateway stops before then it is lost, so check it afterwards.',
    );
  });

  it('says a display token is read-only', () => {
    const { store } = renderDesk();
    expect(screen.queryByTestId('read-only')).toBeNull();
    act(() => store.getState().setSession({ role: 'display', name: 'Lisbon floor screen' }));
    expect(screen.getByTestId('read-only').textContent).toContain('display token (Lisbon floor screen)');
  });

  it('pins and unpins queues and alerts, kept in the browser’s storage', async () => {
    const user = userEvent.setup();
    renderDesk();
    await user.click(screen.getByRole('button', { name: 'Pin Chat Portugal' }));
    await user.click(within(card('a2')).getByRole('button', { name: 'Pin alert on Phone Netherlands' }));
    expect(screen.getByRole('button', { name: 'Unpin Chat Portugal' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('link', { name: 'Pinned items (2)' })).toBeTruthy();
    expect(JSON.parse(window.localStorage.getItem('queueboard.pins')!)).toEqual([{ kind: 'queue', id: 'lis-chat' }, { kind: 'alert', id: 'a2' }]);
    await user.click(screen.getByRole('button', { name: 'Unpin Chat Portugal' }));
    expect(JSON.parse(window.localStorage.getItem('queueboard.pins')!)).toEqual([{ kind: 'alert', id: 'a2' }]);
  });

  it('greys rows and alerts when the connection is lost, and says why a queue is stale', () => {
    const { store } = renderDesk();
    act(() =>
      store.getState().applyPatches(
        [{ queueId: 'lis-chat', health: { status: 'stale', metrics: {}, atRisk: null, stale: { reason: 'source-down', message: 'Zendesk answered 503 three times.', lastStatus: 'warning' } } }],
        2,
      ),
    );
    const row = screen.getAllByTestId('desk-queue-row').find((r) => r.dataset.queueId === 'lis-chat')!;
    expect(row.textContent).toContain('Last known: Warning. Zendesk answered 503 three times.');
    expect(screen.getByTestId('desk-main').className).not.toContain('desk-not-live');
    act(() => store.getState().setConnection('reconnecting', { key: 'disconnected' }));
    expect(screen.getByTestId('desk-main').className).toContain('desk-not-live');
    expect(screen.getByTestId('connection-status').textContent).toContain('Disconnected');
    expect(screen.getByText('Lost the connection to the gateway; reconnecting.')).toBeTruthy();
  });

  describe('app settings', () => {
    afterEach(() => {
      delete (window as unknown as Record<string, unknown>)[BRIDGE_KEY];
    });

    it('in a browser (no app bridge) offers no app settings', () => {
      renderDesk();
      expect(screen.queryByRole('button', { name: 'App settings' })).toBeNull();
    });

    it('in the app, opens the app settings in place of the desk, and goes back to it', async () => {
      const state: SettingsState = { settings: DEFAULT_SETTINGS, commandLine: {}, notices: [], tokenEncrypted: true };
      Object.assign(window, { [BRIDGE_KEY]: { getSettings: async () => state, saveSettings: async () => ({ ok: true, state }) } });
      renderDesk();
      await userEvent.click(screen.getByRole('button', { name: 'App settings' }));
      expect(await screen.findByLabelText('Gateway address')).toBeTruthy();
      // The desk stays mounted (its feed and notifications carry on) but out of sight.
      expect(screen.getByRole('table', { hidden: true }).closest('.desk-body')?.hasAttribute('hidden')).toBe(true);
      await userEvent.click(screen.getByRole('button', { name: 'Back to the desk' }));
      expect(screen.queryByLabelText('Gateway address')).toBeNull();
      expect(screen.getByRole('table').closest('.desk-body')?.hasAttribute('hidden')).toBe(false);
    });
  });
});

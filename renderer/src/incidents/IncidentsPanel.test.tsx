import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Incident, IncidentTimeline } from '../../../shared/protocol/incident-protocol';
import { alert, fakeDeskServices } from '../../../tests/support/desk-view-fakes';
import { fakeCommands } from '../../../tests/support/settings-fixtures';
import { snapshot } from '../../../tests/support/renderer-fixtures';
import { DeskView } from '../desk/DeskView';
import { DeskServicesProvider } from '../desk/desk-services-context';
import { CommandsProvider } from '../feed/commands-context';
import { StoreProvider } from '../store/store-context';
import { createAppStore } from '../store/store';

beforeEach(() => window.localStorage.clear());

const OPENED_AT = Date.UTC(2026, 11, 7, 12);
const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 'inc-1', title: 'Card payments failing', queueIds: ['lis-chat', 'lis-email'], openedAt: OPENED_AT, openedBy: 'Ana', closedAt: null, closedBy: null, ...over,
});

/** jsdom's Blob has no text(): read it the older way. */
const readBlob = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

function renderDesk(role: 'lead' | 'display' = 'lead') {
  const store = createAppStore();
  const commands = fakeCommands();
  const fakes = fakeDeskServices();
  render(
    <StoreProvider store={store}>
      <CommandsProvider commands={commands}>
        <DeskServicesProvider services={fakes.services}>
          <DeskView />
        </DeskServicesProvider>
      </CommandsProvider>
    </StoreProvider>,
  );
  act(() => {
    store.getState().applySnapshot(snapshot(1, { alerts: [] }), Date.now());
    store.getState().setSession({ role, name: 'Ana' });
    store.getState().setConnection('live');
  });
  return { store, commands, ...fakes };
}

describe('the desk incidents panel', () => {
  it('opens an incident with a title and the chosen queues; a refusal shows the gateway’s words', async () => {
    const user = userEvent.setup();
    const { store, commands } = renderDesk();
    const panel = within(screen.getByTestId('desk-incidents'));
    expect(panel.getByText('No open incidents.')).toBeTruthy();
    commands.openIncident.mockResolvedValueOnce({ ok: false, code: 'conflict', issues: ['queueIds[0]: "lis-chat" is already in the open incident "Other"'] });
    await user.type(panel.getByLabelText('Title (shown on the affected tiles)'), 'Card payments failing');
    await user.click(panel.getByLabelText('Chat Portugal'));
    await user.click(panel.getByLabelText('Email Spain'));
    await user.click(panel.getByRole('button', { name: 'Open incident' }));
    expect(commands.openIncident).toHaveBeenCalledWith('Card payments failing', ['lis-chat', 'lis-email']);
    expect(panel.getByRole('alert').textContent).toBe('The gateway refused: queueIds[0]: "lis-chat" is already in the open incident "Other"');

    commands.openIncident.mockResolvedValueOnce({ ok: true, incident: incident() });
    const form = screen.getByTestId('desk-incidents').querySelector('details')!;
    form.open = true;
    await user.click(panel.getByRole('button', { name: 'Open incident' }));
    expect(form.open).toBe(false);
    act(() => store.getState().setIncidents([incident()]));
    const item = within(screen.getByTestId('incident-open'));
    expect(item.getByText('Card payments failing')).toBeTruthy();
    expect(item.getByText('Queues: Chat Portugal, Email Spain')).toBeTruthy();
    // Queues already in an open incident cannot be named by a second one.
    expect(panel.queryByLabelText('Chat Portugal')).toBeNull();
    expect(panel.getByLabelText('Phone Netherlands')).toBeTruthy();
  });

  it('closes an incident and exports its timeline as text and JSON, in the desk’s language', async () => {
    const user = userEvent.setup();
    const { store, commands } = renderDesk();
    act(() => store.getState().setIncidents([incident()]));
    const closed = incident({ closedAt: OPENED_AT + 60_000, closedBy: 'Ana' });
    commands.closeIncident.mockResolvedValueOnce({ ok: true, incident: closed });
    const timeline: IncidentTimeline = { format: 'queueboard-incident-timeline/1', incident: closed, entries: [{ kind: 'closed', at: OPENED_AT + 60_000, actor: 'Ana' }] };
    commands.incidentTimeline.mockResolvedValue({ ok: true, timeline, text: 'Incident: Card payments failing\n' });
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (created.push(blob), 'blob:timeline'));
    URL.revokeObjectURL = vi.fn();
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    await user.click(screen.getByRole('button', { name: 'Close incident' }));
    expect(commands.closeIncident).toHaveBeenCalledWith('inc-1');
    act(() => store.getState().setIncidents([]));
    const item = within(screen.getByTestId('incident-closed'));
    expect(item.getByText('Closed “Card payments failing”. Its timeline:')).toBeTruthy();
    await user.click(item.getByRole('button', { name: 'Timeline as text' }));
    expect(commands.incidentTimeline).toHaveBeenCalledWith('inc-1', 'en');
    expect(screen.getByTestId('incident-timeline-text').textContent).toBe('Incident: Card payments failing\n');
    await user.click(item.getByRole('button', { name: 'Timeline as JSON' }));
    expect(clicks).toHaveBeenCalledTimes(2);
    expect(JSON.parse(await readBlob(created[1]!))).toEqual(timeline);
    clicks.mockRestore();
  });

  it('a display sees the incidents but no controls', () => {
    const { store } = renderDesk('display');
    act(() => store.getState().setIncidents([incident()]));
    expect(within(screen.getByTestId('incident-open')).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open incident' })).toBeNull();
  });

  it('hands the notifier the incident of an alert, so the desk notifies once for it, and names it on the alert card', async () => {
    const user = userEvent.setup();
    const { store, notified } = renderDesk();
    act(() => store.getState().setIncidents([incident()]));
    await user.selectOptions(screen.getByLabelText('Notify for'), 'all');
    act(() => store.getState().applyPatches([], 2, [alert('c1', { level: 'critical', incidentId: 'inc-1' }), alert('c2', { level: 'critical', queueId: 'ams-phone' })]));
    expect(notified.flat().map((t) => [t.alertId, t.incident ?? null])).toEqual([
      ['c1', { id: 'inc-1', title: 'Card payments failing' }],
      ['c2', null],
    ]);
    // The desk's alert card says which incident its alert belongs to.
    expect(screen.getAllByTestId('alert-incident').map((p) => p.textContent)).toEqual(['Part of the incident “Card payments failing”']);
  });
});

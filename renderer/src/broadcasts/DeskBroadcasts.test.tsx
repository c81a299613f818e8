import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Broadcast } from '../../../shared/protocol/broadcast-protocol';
import type { Session } from '../../../shared/protocol/admin-protocol';
import { fakeDeskServices } from '../../../tests/support/desk-view-fakes';
import { snapshot } from '../../../tests/support/renderer-fixtures';
import { CommandsProvider } from '../feed/commands-context';
import type { GatewayCommands } from '../feed/gateway-commands';
import { DeskServicesProvider } from '../desk/desk-services-context';
import { StoreProvider } from '../store/store-context';
import { createAppStore } from '../store/store';
import { DeskBroadcasts } from './DeskBroadcasts';

const AT = Date.UTC(2026, 11, 7, 10, 0);
const groups = [
  { id: 'partners', name: 'Partners', queueIds: ['lis-email'], owners: ['Ana Costa'] },
  { id: 'voice', name: 'Voice', queueIds: ['ams-phone'], owners: ['Bram de Vries'] },
];
const broadcast = (id: string, over: Partial<Broadcast> = {}): Broadcast => ({
  id, text: 'Phones are down', severity: 'critical', audience: { kind: 'groups', groupIds: ['partners'] }, startsAt: AT, endsAt: AT + 1_800_000,
  linkedQueueIds: [], queueIds: ['lis-email'], postedBy: 'Ana Costa', postedAt: AT, edited: null, state: 'active', ...over,
});

function renderDesk(session: Session) {
  const store = createAppStore();
  const fakes = fakeDeskServices();
  const sent: Array<[string, unknown]> = [];
  const ok = async (event: string, request: unknown) => (sent.push([event, request]), { ok: true as const, broadcast: broadcast('new') });
  const commands = {
    postBroadcast: (r: unknown) => ok('post', r),
    editBroadcast: (r: unknown) => ok('edit', r),
    endBroadcast: (id: string) => ok('end', id),
  } as unknown as GatewayCommands;
  render(
    <StoreProvider store={store}>
      <CommandsProvider commands={commands}>
        <DeskServicesProvider services={fakes.services}>
          <DeskBroadcasts language="en" locale="en-GB" />
        </DeskServicesProvider>
      </CommandsProvider>
    </StoreProvider>,
  );
  act(() => {
    store.getState().applySnapshot(snapshot(1, { groups }), Date.now());
    store.getState().setBroadcasts([broadcast('old')]);
    store.getState().setSession(session);
    store.getState().setConnection('live');
  });
  return { store, sent, notified: fakes.broadcasts };
}

afterEach(cleanup);

describe('the desk broadcasts', () => {
  it('a lead posts to a group they own, from the groups they own only', async () => {
    const { sent } = renderDesk({ role: 'lead', name: 'Ana Costa' });
    expect(screen.queryByRole('form')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'New broadcast' }));
    const form = screen.getByRole('form', { name: 'Broadcast to the walls' });
    expect(within(within(form).getByLabelText('Audience')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Queue groups']);
    expect(within(form).getAllByRole('checkbox').map((c) => c.parentElement!.textContent)).toEqual(['One text per language', 'Partners']);
    await userEvent.type(within(form).getByLabelText('Message (every language)'), 'Partner tools are slow');
    await userEvent.click(within(form).getByLabelText('Partners'));
    await userEvent.selectOptions(within(form).getByLabelText('Severity'), 'warning');
    await userEvent.click(within(form).getByRole('button', { name: 'Post broadcast' }));
    expect(sent).toHaveLength(1);
    expect(sent[0]![1]).toMatchObject({ text: 'Partner tools are slow', severity: 'warning', audience: { kind: 'groups', groupIds: ['partners'] }, linkedQueueIds: [] });
    expect(screen.getByRole('status').textContent).toBe('Posted: it is on the walls.');
  });

  it('lists broadcasts with who posted them; only one allowed to change it may end or extend it', async () => {
    const { store, sent } = renderDesk({ role: 'lead', name: 'Bram de Vries' });
    act(() => store.getState().setBroadcasts([broadcast('old'), broadcast('voice', { audience: { kind: 'groups', groupIds: ['voice'] }, severity: 'info', text: { en: 'Fire drill', nl: 'Brandoefening' }, linkedQueueIds: ['ams-phone'] })]));
    const items = screen.getAllByTestId('desk-broadcast');
    expect(items.map((i) => i.dataset.broadcastId)).toEqual(['old', 'voice']);
    expect(items[0]!.textContent).toContain('Groups: Partners · Posted by Ana Costa');
    expect(within(items[0]!).queryByRole('button')).toBeNull();
    expect(items[1]!.textContent).toMatch(/^Notice Fire drill.*Groups: Voice · Posted by Ana Costa · Linked: .+$/);
    await userEvent.click(within(items[1]!).getByRole('button', { name: 'Extend 15 min' }));
    await userEvent.click(within(items[1]!).getByRole('button', { name: 'End now' }));
    expect(sent).toEqual([['edit', { broadcastId: 'voice', endsAt: AT + 1_800_000 + 900_000 }], ['end', 'voice']]);
  });

  it('notifies of a broadcast that comes onto the walls, never of those already there', () => {
    const { store, notified } = renderDesk({ role: 'display', name: 'Lisbon floor' });
    expect(screen.queryByRole('button', { name: 'New broadcast' })).toBeNull();
    act(() => store.getState().setBroadcasts([broadcast('old'), broadcast('later', { state: 'scheduled' })]));
    expect(notified).toEqual([]);
    act(() => store.getState().setBroadcasts([broadcast('old'), broadcast('later')]));
    act(() => store.getState().setBroadcasts([broadcast('later')]));
    expect(notified).toEqual([{ broadcastId: 'later', severity: 'critical', text: 'Phones are down' }]);
  });
});

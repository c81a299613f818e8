import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { override, renderWithGateway, thresholdState } from '../../../tests/support/settings-fixtures';
import { ThresholdsPane } from './ThresholdsPane';

const row = (name: string) => screen.getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr')!;
const originOf = (name: string) => within(row(name)).getByTestId('origin');
const field = (name: string, which: 'warning' | 'critical' | 'pending period') => screen.getByLabelText(`${name}: Backlog ${which}`) as HTMLInputElement;

async function type(input: HTMLElement, text: string) {
  await userEvent.clear(input);
  if (text) await userEvent.type(input, text);
}

describe('ThresholdsPane', () => {
  it('shows every level with where its value comes from: built-in, default, office, queue and profile', async () => {
    renderWithGateway(<ThresholdsPane canEdit />, {
      thresholds: thresholdState([
        override({ scope: 'default', scopeId: '', warning: 300, critical: 600 }),
        override({ scope: 'office', scopeId: 'amsterdam', warning: 40, critical: 80 }),
        override({ scope: 'queue', scopeId: 'lis-chat', warning: 60, critical: 90 }),
        override({ scope: 'queue', scopeId: 'lis-email', metric: 'slaAttainment', warning: 95, critical: 90 }),
      ]),
    });
    expect(originOf('Every queue').textContent).toBe('set here (default)');
    expect(originOf('All Lisbon queues').textContent).toBe('from default');
    expect(originOf('All Amsterdam queues').textContent).toBe('set here (office Amsterdam)');
    expect(originOf('Chat Portugal').textContent).toBe('set here (queue)');
    expect(originOf('Email Spain').textContent).toBe('from default');
    expect(originOf('Phone Netherlands').textContent).toBe('from office Amsterdam');
    expect(field('Phone Netherlands', 'warning').value).toBe('40');
    // Another metric: the email queue's own SLA override, built-in for the rest.
    await userEvent.click(screen.getByRole('radio', { name: 'SLA' }));
    expect(originOf('Email Spain').textContent).toBe('set here (queue)');
    expect(originOf('Chat Portugal').textContent).toBe('from built-in (chat)');
    expect(originOf('Every queue').textContent).toBe('from built-in (per channel)');
  });

  it('edits a profile\'s values apart from the always values, and says which profile a value comes from', async () => {
    const night = { id: 'night', name: 'Night shift', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const, from: '22:00', to: '06:00' };
    const { commands } = renderWithGateway(<ThresholdsPane canEdit />, {
      thresholds: { ...thresholdState([override({ scope: 'office', scopeId: 'lisbon', profile: 'night', warning: 20, critical: 40 })]), profiles: [{ ...night, days: [...night.days] }] },
    });
    expect(originOf('Chat Portugal').textContent).toBe('from built-in (chat)');
    await userEvent.selectOptions(screen.getByLabelText('Profile'), 'night');
    expect(originOf('Chat Portugal').textContent).toBe('from office Lisbon · Night shift');
    expect(originOf('Chat Portugal').dataset.profile).toBe('night');
    await type(field('Chat Portugal', 'warning'), '25');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(commands.saveThresholds.mock.calls[0]![0].changes[0]!.key).toEqual({ scope: 'queue', scopeId: 'lis-chat', metric: 'backlog', profile: 'night' });
  });

  it('shows one office\'s levels on request, keeping the default row', async () => {
    renderWithGateway(<ThresholdsPane canEdit />);
    await userEvent.selectOptions(screen.getByLabelText('Show'), 'amsterdam');
    expect(screen.getAllByTestId('level-row').map((r) => r.dataset.rowId)).toEqual(['default||backlog|', 'office|amsterdam|backlog|', 'queue|ams-phone|backlog|']);
  });

  it('gives every queue × metric at a glance, with unsaved edits marked, and opens a metric to edit', async () => {
    renderWithGateway(<ThresholdsPane canEdit />, {
      thresholds: thresholdState([override({ scope: 'office', scopeId: 'lisbon', metric: 'oldestWaitingSeconds', warning: 600, critical: 1200 })]),
    });
    await type(field('Email Spain', 'warning'), '1000');
    await userEvent.click(screen.getByRole('radio', { name: 'All metrics' }));
    const rowOf = (name: string) => screen.getAllByTestId('overview-row').find((r) => r.querySelector('th')?.textContent === name)!;
    const cells = (name: string) => [...rowOf(name).querySelectorAll('td')];
    expect(cells('Chat Portugal').map((c) => c.firstChild?.textContent)).toEqual(['90 / 150', '10m / 20m', '2m / 5m', '45m / 1h 30m', '90 / 80', '5 / 20']);
    expect(cells('Every queue (default)')[0]!.firstChild?.textContent).toBe('per channel');
    expect(cells('Chat Portugal')[1]!.dataset.scope).toBe('office');
    expect(cells('All Lisbon queues')[1]!.className).toContain('overview-own');
    expect(cells('Email Spain')[0]!.className).toContain('overview-edited');
    await userEvent.click(screen.getByRole('button', { name: 'Oldest waiting' }));
    expect(screen.getByTestId('threshold-table').dataset.metric).toBe('oldestWaitingSeconds');
  });

  it('names the problem in a row as it is typed and refuses to save until it is fixed', async () => {
    renderWithGateway(<ThresholdsPane canEdit />);
    await type(field('Chat Portugal', 'warning'), '200');
    await type(field('Chat Portugal', 'critical'), '20');
    expect(within(row('Chat Portugal').nextElementSibling as HTMLElement).getByRole('alert').textContent).toBe(
      'warning (200) must be below critical (20) because a higher backlog is worse',
    );
    expect(field('Chat Portugal', 'warning').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('button', { name: 'Save' })).toHaveProperty('disabled', true);
    expect(screen.getByText('1 row to fix before saving')).toBeTruthy();
    await type(field('Chat Portugal', 'pending period'), 'soon');
    expect(screen.getByText(/pending: "soon" is not a duration/)).toBeTruthy();
  });

  it('reads durations in minutes or h/m for time metrics', async () => {
    const { commands } = renderWithGateway(<ThresholdsPane canEdit />);
    await userEvent.click(screen.getByRole('radio', { name: 'Oldest waiting' }));
    const warning = screen.getByLabelText('Chat Portugal: Oldest waiting warning') as HTMLInputElement;
    expect(warning.value).toBe('5m');
    await type(warning, '3');
    await type(screen.getByLabelText('Chat Portugal: Oldest waiting critical'), '1h 30m');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(commands.saveThresholds.mock.calls[0]![0].changes[0]!.value).toEqual({ warning: 180, critical: 5400, pendingSeconds: null, recoverySeconds: null });
  });

  it('previews the state each queue would be in right now with the edited levels', async () => {
    renderWithGateway(<ThresholdsPane canEdit />, { chatBacklog: 120 });
    expect(screen.getByTestId('preview').textContent).toMatch(/Edit a value/);
    await type(field('Chat Portugal', 'warning'), '50');
    await type(field('Chat Portugal', 'critical'), '100');
    const change = within(screen.getByTestId('preview')).getByTestId('status-change');
    expect([change.dataset.before, change.dataset.after]).toEqual(['warning', 'critical']);
    expect(screen.getByTestId('preview').textContent).toMatch(/Chat Portugal.*Warning → Critical/);
    expect(within(row('Chat Portugal')).getByTestId('status-change').textContent).toBe('Warning → Critical');
  });

  it('sets one metric on a group of queues (every queue of an office) and saves them in one request', async () => {
    const { commands } = renderWithGateway(<ThresholdsPane canEdit />, {
      thresholds: thresholdState([override({ scope: 'queue', scopeId: 'lis-email', warning: 900, critical: 1200, version: 4, recoverySeconds: 300 })]),
    });
    await userEvent.selectOptions(screen.getByLabelText('Office'), 'lisbon');
    await userEvent.click(screen.getByRole('button', { name: 'Select these queues' }));
    expect(screen.getByTestId('selected-count').textContent).toBe('2 selected');
    await userEvent.type(screen.getByLabelText('Warning'), '70');
    await userEvent.type(screen.getByLabelText('Critical'), '110');
    await userEvent.click(screen.getByRole('button', { name: 'Set backlog on 2 queues' }));
    expect(field('Chat Portugal', 'warning').value).toBe('70');
    expect(field('Email Spain', 'critical').value).toBe('110');
    expect(field('Phone Netherlands', 'warning').value).toBe('50');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(commands.saveThresholds).toHaveBeenCalledTimes(1);
    expect(commands.saveThresholds.mock.calls[0]![0]).toEqual({
      changes: [
        { key: { scope: 'queue', scopeId: 'lis-chat', metric: 'backlog', profile: '' }, value: { warning: 70, critical: 110, pendingSeconds: null, recoverySeconds: null }, expectedVersion: null },
        { key: { scope: 'queue', scopeId: 'lis-email', metric: 'backlog', profile: '' }, value: { warning: 70, critical: 110, pendingSeconds: null, recoverySeconds: 300 }, expectedVersion: 4 },
      ],
    });
    expect((await screen.findByTestId('save-outcome')).textContent).toBe('Saved — revision 8');
    expect(screen.getByText('No unsaved changes')).toBeTruthy();
  });

  it('edits the office and default levels, and resets a queue to inherited', async () => {
    const { commands } = renderWithGateway(<ThresholdsPane canEdit />, {
      thresholds: thresholdState([override({ scope: 'queue', scopeId: 'ams-phone', warning: 10, critical: 20, version: 2 })]),
    });
    await type(screen.getByLabelText('All Lisbon queues: Backlog warning'), '30');
    await type(screen.getByLabelText('All Lisbon queues: Backlog critical'), '60');
    // The Lisbon queues now inherit the office's edited value.
    expect(originOf('Chat Portugal').textContent).toBe('from office Lisbon');
    expect(field('Email Spain', 'warning').value).toBe('30');
    await userEvent.click(screen.getByRole('button', { name: 'Reset Phone Netherlands to inherited' }));
    expect(within(row('Phone Netherlands')).getByText(/reset to inherited on save/)).toBeTruthy();
    expect(field('Phone Netherlands', 'warning').value).toBe('50');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(commands.saveThresholds.mock.calls[0]![0].changes).toEqual([
      { key: { scope: 'office', scopeId: 'lisbon', metric: 'backlog', profile: '' }, value: { warning: 30, critical: 60, pendingSeconds: null, recoverySeconds: null }, expectedVersion: null },
      { key: { scope: 'queue', scopeId: 'ams-phone', metric: 'backlog', profile: '' }, value: null, expectedVersion: 2 },
    ]);
  });

  it('on a conflict says so, keeps the edits, and reloads their version only when asked', async () => {
    const mine = override({ scope: 'queue', scopeId: 'lis-chat', warning: 60, critical: 90, version: 3 });
    const { commands, store } = renderWithGateway(<ThresholdsPane canEdit />, { thresholds: thresholdState([mine]) });
    commands.saveThresholds.mockResolvedValueOnce({ ok: false, code: 'conflict', issues: ['threshold queue:lis-chat/backlog was changed by someone else (now version 4); reload it and apply your change again'] });
    await type(field('Chat Portugal', 'warning'), '65');
    // Bram saves first: the broadcast reaches this screen while Marta is still editing.
    act(() => store.getState().setThresholds(thresholdState([{ ...mine, warning: 75, version: 4, updatedBy: 'Bram de Vries' }], 8)));
    expect(within(row('Chat Portugal').nextElementSibling as HTMLElement).getByTestId('row-conflict').textContent).toBe(
      'Bram de Vries changed this to warning 75, critical 90 since you started editing.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(commands.saveThresholds.mock.calls[0]![0].changes[0]!.expectedVersion).toBe(3);
    const conflict = await screen.findByTestId('save-conflict');
    expect(conflict.textContent).toMatch(/another manager changed these thresholds.*Your edits are kept.*changed by someone else \(now version 4\)/);
    expect(field('Chat Portugal', 'warning').value).toBe('65');
    await userEvent.click(within(conflict).getByRole('button', { name: 'Reload their version' }));
    expect(field('Chat Portugal', 'warning').value).toBe('75');
    expect(screen.queryByTestId('save-conflict')).toBeNull();
    expect(screen.getByText('No unsaved changes')).toBeTruthy();
  });

  it('"keep mine" saves over their version only after the manager chose it', async () => {
    const mine = override({ scope: 'queue', scopeId: 'lis-chat', warning: 60, critical: 90, version: 3 });
    const { commands, store } = renderWithGateway(<ThresholdsPane canEdit />, { thresholds: thresholdState([mine]) });
    await type(field('Chat Portugal', 'warning'), '65');
    act(() => store.getState().setThresholds(thresholdState([{ ...mine, warning: 75, version: 4, updatedBy: 'Bram de Vries' }], 8)));
    await userEvent.click(screen.getByRole('button', { name: 'Keep mine over theirs' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(commands.saveThresholds.mock.calls[0]![0].changes[0]).toMatchObject({ value: { warning: 65 }, expectedVersion: 4 });
  });

  it('names the row behind each issue when the gateway refuses a save', async () => {
    const { commands } = renderWithGateway(<ThresholdsPane canEdit />);
    commands.saveThresholds.mockResolvedValueOnce({ ok: false, code: 'invalid', issues: ['changes[0].key.scopeId: "lis-chat" is not a configured queue'] });
    await type(field('Chat Portugal', 'warning'), '70');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('save-outcome')).textContent).toMatch(/Not saved \(invalid\).*Chat Portugal · Backlog — scopeId: "lis-chat" is not a configured queue/);
    expect(field('Chat Portugal', 'warning').value).toBe('70');
  });

  it('a save the shared store could not take says nothing was changed, not "not saved (code)", and keeps the edits', async () => {
    const { commands } = renderWithGateway(<ThresholdsPane canEdit />);
    commands.saveThresholds.mockResolvedValueOnce({ ok: false, code: 'store-unavailable', issues: ['thresholds:save: nothing was changed: the PostgreSQL store cannot be reached (…)'] });
    await type(field('Chat Portugal', 'warning'), '70');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const outcome = await screen.findByTestId('save-outcome');
    expect(outcome.dataset.outcome).toBe('unrecorded');
    expect(outcome.textContent).toBe('Not done: the shared store cannot be reached just now, so nothing was changed. Try again in a few seconds.');
    expect(field('Chat Portugal', 'warning').value).toBe('70');
  });

  it('a save made but not yet in the shared store says so and is no longer a draft', async () => {
    const { commands } = renderWithGateway(<ThresholdsPane canEdit />);
    commands.saveThresholds.mockResolvedValueOnce({ ok: false, code: 'store-pending', issues: ['thresholds:save: made on the evaluating gateway …'] });
    await type(field('Chat Portugal', 'warning'), '70');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('save-outcome')).textContent).toMatch(/^Done and shown on the screens, but not yet saved in the shared store/);
    expect(screen.getByText('No unsaved changes')).toBeTruthy();
  });

  it('is read-only without the manager role: no save, no bulk edit, inputs cannot change', async () => {
    const { commands } = renderWithGateway(<ThresholdsPane canEdit={false} />, { role: 'lead', name: 'Ana Costa' });
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByText('Bulk edit')).toBeNull();
    expect(screen.queryByTestId('preview')).toBeNull();
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
    expect(screen.queryByText(/Import JSON/)).toBeNull();
    const input = field('Chat Portugal', 'warning');
    expect(input.readOnly).toBe(true);
    await userEvent.type(input, '5');
    expect(input.value).toBe('90');
    expect(commands.saveThresholds).not.toHaveBeenCalled();
  });
});

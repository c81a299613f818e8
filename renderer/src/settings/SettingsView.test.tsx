import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithGateway } from '../../../tests/support/settings-fixtures';
import { SettingsView } from './SettingsView';

describe('SettingsView', () => {
  it('lets a manager edit, with the audit trail one tab away', async () => {
    const { commands } = renderWithGateway(<SettingsView storedToken={() => 'demo-manager-token'} signIn={vi.fn()} />);
    expect(screen.getByTestId('session').textContent).toBe('Marta Silva (manager)');
    expect(screen.queryByTestId('read-only-note')).toBeNull();
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Chat Portugal: Backlog warning'), '5');
    await userEvent.click(screen.getByRole('button', { name: 'Audit trail' }));
    expect(commands.auditList).toHaveBeenCalledWith(25);
    expect(screen.queryByRole('table', { name: /Backlog thresholds/ })).toBeNull(); // hidden, not unmounted
    // Unsaved edits survive a look at the audit trail.
    await userEvent.click(screen.getByRole('button', { name: 'Thresholds' }));
    expect((screen.getByLabelText('Chat Portugal: Backlog warning') as HTMLInputElement).value).toBe('905');
  });

  it('asks before the page is closed with unsaved edits', async () => {
    renderWithGateway(<SettingsView storedToken={() => 'demo-manager-token'} signIn={vi.fn()} />);
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    await userEvent.type(screen.getByLabelText('Chat Portugal: Backlog warning'), '5');
    expect(leave()).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(leave()).toBe(false);
  });

  it('shows a lead the table read-only with a note naming who they are', () => {
    const { commands } = renderWithGateway(<SettingsView storedToken={() => 'demo-lead-token'} signIn={vi.fn()} />, { role: 'lead', name: 'Ana Costa' });
    expect(screen.getByTestId('read-only-note').textContent).toBe('Only managers can change thresholds; you are signed in as Ana Costa (lead).');
    expect(screen.getByTestId('threshold-table')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Audit trail' })).toBeNull();
    expect((screen.getByLabelText('Chat Portugal: Backlog warning') as HTMLInputElement).readOnly).toBe(true);
    expect(commands.auditList).not.toHaveBeenCalled();
  });

  it('offers a sign-in box without a token, and keeps the pasted token through signIn', async () => {
    const signIn = vi.fn();
    renderWithGateway(<SettingsView storedToken={() => null} signIn={signIn} />, { role: 'display', name: 'anonymous display' });
    expect(screen.getByText('You are not signed in: paste your token to change settings.')).toBeTruthy();
    expect(screen.getByTestId('read-only-note').textContent).toBe('Only managers can change thresholds; you are not signed in.');
    await userEvent.type(screen.getByLabelText('Your token'), '  demo-manager-token ');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(signIn).toHaveBeenCalledWith('demo-manager-token');
  });

  it('shows the gateway\'s message when it refuses the token, and offers to sign in again', () => {
    const { store } = renderWithGateway(<SettingsView storedToken={() => 'wrong-token'} signIn={vi.fn()} />, { role: null });
    act(() => store.getState().setConnection('refused', { key: 'refused', detail: 'This token is not known to the gateway.' }));
    expect(screen.getByTestId('refused').textContent).toBe('The gateway refused this screen: This token is not known to the gateway.');
    expect(screen.getByLabelText('Your token')).toBeTruthy();
    expect(screen.queryByTestId('threshold-table')).toBeNull();
  });
});

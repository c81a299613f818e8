import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AuditEntryMessage } from '../../../shared/protocol/admin-protocol';
import { override, renderWithGateway, thresholdState } from '../../../tests/support/settings-fixtures';
import { AUDIT_PAGE_SIZE, AuditPane } from './AuditPane';

function entry(id: number, over: Partial<AuditEntryMessage> = {}): AuditEntryMessage {
  return {
    id,
    at: Date.UTC(2026, 10, 24, 9, 30),
    actor: 'Marta Silva',
    action: 'threshold.put',
    subject: 'threshold queue:lis-chat/backlog',
    before: override({ scope: 'queue', scopeId: 'lis-chat', warning: 90, critical: 150 }),
    after: override({ scope: 'queue', scopeId: 'lis-chat', warning: 60, critical: 100, pendingSeconds: 180, version: 2 }),
    revertible: true,
    ...over,
  };
}

describe('AuditPane', () => {
  it('lists who changed which threshold when, old → new, newest first', async () => {
    renderWithGateway(<AuditPane canRevert />, { answers: (c) => c.auditList.mockResolvedValueOnce({ ok: true, entries: [entry(12), entry(11, { actor: 'Bram de Vries', action: 'threshold.remove', after: null })] }) });
    const rows = await screen.findAllByTestId('audit-entry');
    expect(rows.map((r) => r.dataset.auditId)).toEqual(['12', '11']);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('Chat Portugal · Backlog');
    expect(rows[0]!.textContent).toMatch(/Marta Silva.*changed.*warning 90 · critical 150 · pending default.*warning 60 · critical 100 · pending 3m/);
    expect(rows[1]!.textContent).toMatch(/Bram de Vries.*removed.*inherited \(no override\)/);
  });

  it('pages back with beforeId', async () => {
    const page = Array.from({ length: AUDIT_PAGE_SIZE }, (_, i) => entry(100 - i));
    const { commands } = renderWithGateway(<AuditPane canRevert />, {
      answers: (c) => c.auditList.mockResolvedValueOnce({ ok: true, entries: page }).mockResolvedValueOnce({ ok: true, entries: [entry(3)] }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Older entries' }));
    expect(commands.auditList).toHaveBeenLastCalledWith(AUDIT_PAGE_SIZE, 76);
    expect(await screen.findAllByTestId('audit-entry')).toHaveLength(AUDIT_PAGE_SIZE + 1);
    expect(screen.queryByRole('button', { name: 'Older entries' })).toBeNull();
  });

  it('reverts an entry in one click and reloads the trail when the thresholds change', async () => {
    const { commands, store } = renderWithGateway(<AuditPane canRevert />, { answers: (c) => c.auditList.mockResolvedValueOnce({ ok: true, entries: [entry(12), entry(5, { action: 'alert.acknowledge', revertible: false, before: null, after: { note: 'on it' } })] }) });
    const rows = await screen.findAllByTestId('audit-entry');
    expect(within(rows[1]!).queryByRole('button')).toBeNull();
    await userEvent.click(within(rows[0]!).getByRole('button', { name: /Revert entry 12/ }));
    expect(commands.revert).toHaveBeenCalledWith(12);
    expect((await screen.findByTestId('audit-notice')).textContent).toBe('Reverted entry 12 — now revision 10.');
    commands.auditList.mockResolvedValueOnce({ ok: true, entries: [entry(13, { action: 'threshold.revert' }), entry(12)] });
    act(() => store.getState().setThresholds(thresholdState([], 13)));
    await waitFor(() => expect(screen.getAllByTestId('audit-entry').map((r) => r.dataset.auditId)).toEqual(['13', '12']));
  });

  it('shows a conflict when the threshold was changed since', async () => {
    const { commands } = renderWithGateway(<AuditPane canRevert />, { answers: (c) => c.auditList.mockResolvedValueOnce({ ok: true, entries: [entry(12)] }) });
    commands.revert.mockResolvedValueOnce({ ok: false, code: 'conflict', issues: ['threshold queue:lis-chat/backlog was changed again after entry 12; revert the later change first'] });
    await userEvent.click(await screen.findByRole('button', { name: /Revert entry 12/ }));
    expect((await screen.findByTestId('audit-notice')).textContent).toBe(
      'Not reverted: it was changed since.threshold queue:lis-chat/backlog was changed again after entry 12; revert the later change first',
    );
  });
});

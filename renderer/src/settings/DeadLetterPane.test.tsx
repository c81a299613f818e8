import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DeadLetterMessage } from '../../../shared/protocol/webhook-protocol';
import { renderWithGateway } from '../../../tests/support/settings-fixtures';
import { DEAD_LETTER_PAGE, DeadLetterPane } from './DeadLetterPane';

function dead(id: number, over: Partial<DeadLetterMessage> = {}): DeadLetterMessage {
  return { id, targetId: 'care-slack', eventId: `e${id}`, kind: 'alert', severity: 'critical', queueIds: ['lis-chat'], subject: null, attempts: 8, lastError: 'HTTP 500: rollup_error', failedAt: Date.UTC(2026, 11, 7, 9, 30), ...over };
}

describe('DeadLetterPane', () => {
  it('lists failed deliveries with target, event, attempts and the last error', async () => {
    renderWithGateway(<DeadLetterPane />, {
      answers: (c) => c.deadLetters.mockResolvedValueOnce({ ok: true, total: 2, entries: [dead(7), dead(6, { targetId: 'ops-json', kind: 'incident', severity: 'warning', queueIds: [], subject: 'Payment provider down', attempts: 1, lastError: 'HTTP 404: no_service' })] }),
    });
    const rows = await screen.findAllByTestId('dead-letter');
    expect(rows.map((r) => r.dataset.deadLetterId)).toEqual(['7', '6']);
    expect(rows[0]!.textContent).toMatch(/care-slack.*Alert · Critical · Chat Portugal.*8 attempts.*HTTP 500: rollup_error/);
    expect(rows[1]!.textContent).toMatch(/ops-json.*Incident · Warning · Payment provider down.*1 attempt.*HTTP 404: no_service/);
  });

  it('retries and deletes one, saying so, and reloads the list', async () => {
    const { commands } = renderWithGateway(<DeadLetterPane />, { answers: (c) => c.deadLetters.mockResolvedValue({ ok: true, total: 1, entries: [dead(7)] }) });
    const row = await screen.findByTestId('dead-letter');
    await userEvent.click(within(row).getByRole('button', { name: 'Retry delivery 7 to care-slack' }));
    expect(commands.retryDeadLetter).toHaveBeenCalledWith(7);
    expect((await screen.findByTestId('dead-letter-notice')).textContent).toBe('Delivery 7 is queued for care-slack again.');
    commands.deleteDeadLetter.mockResolvedValueOnce({ ok: false, code: 'not-found', issues: ['id: no failed delivery 7; it may have been retried or deleted already'] });
    await userEvent.click(within(await screen.findByTestId('dead-letter')).getByRole('button', { name: 'Delete failed delivery 7 to care-slack' }));
    expect((await screen.findByTestId('dead-letter-notice')).textContent).toMatch(/^The gateway refused \(not-found\)\.id: no failed delivery 7/);
    expect(commands.deadLetters).toHaveBeenCalledTimes(3);
    expect(commands.deadLetters).toHaveBeenCalledWith(DEAD_LETTER_PAGE);
  });

  it('says when there are none', async () => {
    renderWithGateway(<DeadLetterPane />);
    expect((await screen.findByTestId('dead-letters-empty')).textContent).toBe('No failed deliveries.');
  });

  it('says when the list cannot be read, with the reason', async () => {
    renderWithGateway(<DeadLetterPane />, { answers: (c) => c.deadLetters.mockResolvedValueOnce({ ok: false, code: 'unavailable', issues: ['The gateway did not answer within 5 s; nothing is known to have changed. Try again.'] }) });
    expect((await screen.findByRole('alert')).textContent).toBe('The list could not be read (unavailable).The gateway did not answer within 5 s; nothing is known to have changed. Try again.');
  });
});

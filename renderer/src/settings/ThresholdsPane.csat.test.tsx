import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { override, renderWithGateway, thresholdState } from '../../../tests/support/settings-fixtures';
import { ThresholdsPane } from './ThresholdsPane';

const row = (name: string) => screen.getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr')!;
async function type(input: HTMLElement, text: string) {
  await userEvent.clear(input);
  await userEvent.type(input, text);
}
const field = (name: string, which: 'warning' | 'critical') => screen.getByLabelText(`${name}: CSAT ${which}`) as HTMLInputElement;

describe('the CSAT tab of the thresholds pane', () => {
  it('shows the built-in levels (warning below 85 %, critical below 75 %) and a queue that overrides them', async () => {
    const { commands } = renderWithGateway(<ThresholdsPane canEdit />, {
      thresholds: thresholdState([override({ scope: 'queue', scopeId: 'lis-email', metric: 'csat', warning: 90, critical: 80 })]),
    });
    await userEvent.click(screen.getByRole('radio', { name: 'CSAT' }));
    expect(within(row('Chat Portugal')).getByTestId('origin').textContent).toBe('from built-in (chat)');
    expect(field('Chat Portugal', 'warning').placeholder || field('Chat Portugal', 'warning').value).toBe('85');
    expect(field('Chat Portugal', 'critical').placeholder || field('Chat Portugal', 'critical').value).toBe('75');
    expect(within(row('Email Spain')).getByTestId('origin').textContent).toBe('set here (queue)');
    expect(field('Email Spain', 'warning').value).toBe('90');

    await type(field('Chat Portugal', 'warning'), '70');
    await type(field('Chat Portugal', 'critical'), '80');
    // Lower is worse: a warning below critical is refused with the rule in words.
    expect(within(row('Chat Portugal').nextElementSibling as HTMLElement).getByRole('alert').textContent).toMatch(
      /^warning \(70 ?%?\) must be above critical \(80 ?%?\) because a lower CSAT is worse$/,
    );
    await type(field('Chat Portugal', 'warning'), '88');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(commands.saveThresholds.mock.calls[0]![0].changes[0]!.key).toEqual({ scope: 'queue', scopeId: 'lis-chat', metric: 'csat', profile: '' });
  });
});

import { act, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { chatQueue, emailQueue, phoneQueue, snapshot } from '../../../tests/support/renderer-fixtures';
import { createI18n } from '../i18n/i18n';
import { StoreProvider } from '../store/store-context';
import { createAppStore } from '../store/store';
import { WallView } from './WallView';

describe('a wall in Portuguese (issue 17)', () => {
  it('names offices, queues and teams as the configuration translates them, and keeps the others as configured', () => {
    const store = createAppStore();
    render(
      <I18nextProvider i18n={createI18n('pt')}>
        <StoreProvider store={store}>
          <WallView officeId={null} locale="pt-PT" language="pt" onNextLanguage={() => {}} />
        </StoreProvider>
      </I18nextProvider>,
    );
    const base = snapshot(1);
    act(() => {
      store.getState().applySnapshot(
        {
          ...base,
          offices: base.offices.map((o) => (o.id === 'lisbon' ? { ...o, names: { en: 'Lisbon', pt: 'Lisboa', nl: 'Lissabon' } } : o)),
          queues: [{ ...chatQueue, names: { pt: 'Conversa Portugal' }, team: { ...chatQueue.team, names: { en: chatQueue.team.name, pt: 'Apoio Lisboa' } } }, emailQueue, phoneQueue],
        },
        Date.now(),
      );
      store.getState().setConnection('live');
    });
    expect(screen.getAllByRole('region').map((r) => r.getAttribute('aria-label'))).toEqual(['Lisboa', 'Amsterdam']);
    expect(screen.getAllByTestId('queue-tile').map((t) => t.querySelector('.tile-name')!.textContent)).toEqual(['Conversa Portugal', 'Email Spain', 'Phone Netherlands']);
    // Team names too; a team without translations keeps its configured name.
    const teams = screen.getAllByTestId('queue-tile').map((t) => t.querySelector('.tile-team')!.textContent);
    expect(teams[0]).toBe('Apoio Lisboa');
    expect(teams.slice(1)).toEqual([emailQueue.team.name, phoneQueue.team.name].map((n) => expect.stringContaining(n)));
  });
});

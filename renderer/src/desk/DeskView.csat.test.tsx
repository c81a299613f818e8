import { act, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { fakeCommands, fakeDeskServices } from '../../../tests/support/desk-view-fakes';
import { snapshot, state } from '../../../tests/support/renderer-fixtures';
import { CommandsProvider } from '../feed/commands-context';
import { createI18n, type Language } from '../i18n/i18n';
import { StoreProvider } from '../store/store-context';
import { createAppStore } from '../store/store';
import { DeskView } from './DeskView';
import { DeskServicesProvider } from './desk-services-context';

function renderIn(language: Language) {
  const store = createAppStore();
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <StoreProvider store={store}>
        <CommandsProvider commands={fakeCommands().commands}>
          <DeskServicesProvider services={fakeDeskServices().services}>
            <DeskView />
          </DeskServicesProvider>
        </CommandsProvider>
      </StoreProvider>
    </I18nextProvider>,
  );
  act(() => {
    store.getState().applySnapshot(
      snapshot(1, {
        states: [
          state('lis-chat', { metrics: { csat: 72.5, csatRatings: 41 } as never, health: { status: 'critical', metrics: { csat: 'critical' }, stale: null, atRisk: null } as never }),
          state('lis-email', { metrics: { csat: 100, csatRatings: 1 } as never }),
          state('ams-phone'),
        ],
      }),
      Date.now(),
    );
    store.getState().setConnection('live');
  });
}

const csatCell = (queueId: string) => within(document.querySelector(`[data-queue-id="${queueId}"]`) as HTMLElement).getByText((_, el) => el?.getAttribute('data-metric') === 'csat');

describe('CSAT on the desk', () => {
  it.each([
    ['en', 'CSAT', '72.5%41 ratings', '100%1 rating'],
    ['pt', 'CSAT', '72,5%41 avaliações', '100%1 avaliação'],
    ['nl', 'CSAT', '72,5%41 beoordelingen', '100%1 beoordeling'],
  ] as const)('%s: a column with the share and how many ratings it is of, graded, and a dash with none', (language, heading, chat, email) => {
    renderIn(language);
    expect(screen.getByRole('columnheader', { name: heading })).toBeTruthy();
    expect(csatCell('lis-chat').textContent).toBe(chat);
    expect(csatCell('lis-chat').className).toContain('level-critical');
    expect(csatCell('lis-email').textContent).toBe(email);
    expect(csatCell('ams-phone').textContent).toBe('–');
  });
});

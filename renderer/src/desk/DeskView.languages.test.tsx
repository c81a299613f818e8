import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import { alert, fakeCommands, fakeDeskServices } from '../../../tests/support/desk-view-fakes';
import { snapshot, state } from '../../../tests/support/renderer-fixtures';
import { CommandsProvider } from '../feed/commands-context';
import { createI18n, type Language } from '../i18n/i18n';
import { LANGUAGE_STORAGE_KEY, readStoredLanguage, startLanguage } from '../i18n/user-language';
import { PinsView } from '../pins/PinsView';
import { StoreProvider } from '../store/store-context';
import { createAppStore } from '../store/store';
import { DeskView } from './DeskView';
import { DeskServicesProvider } from './desk-services-context';

beforeEach(() => window.localStorage.clear());

const SERVER_TIME = 1_700_000_000_000;

/** The desk (or the pin window) in a language, fed a snapshot with an at-risk queue, a warning and a critical alert. */
function renderIn(language: Language | I18n, view: 'desk' | 'pins' = 'desk') {
  const i18n = typeof language === 'string' ? createI18n(language) : language;
  const store = createAppStore();
  const fakes = fakeDeskServices();
  render(
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store}>
        <CommandsProvider commands={fakeCommands().commands}>
          <DeskServicesProvider services={fakes.services}>{view === 'desk' ? <DeskView /> : <PinsView />}</DeskServicesProvider>
        </CommandsProvider>
      </StoreProvider>
    </I18nextProvider>,
  );
  act(() => {
    store.getState().applySnapshot(
      snapshot(1, {
        serverTime: SERVER_TIME,
        states: [
          state('lis-chat', { health: { status: 'warning', metrics: {}, stale: null, atRisk: null } as never, metrics: { backlog: 1250 } as never }),
          state('lis-email', { health: { status: 'ok', metrics: {}, stale: null, atRisk: { metric: 'backlog', minutes: 12 } } as never }),
          state('ams-phone', { health: { status: 'critical', metrics: {}, stale: null, atRisk: null } as never }),
        ],
        alerts: [alert('a1'), alert('a2', { queueId: 'ams-phone', level: 'critical', openedAt: SERVER_TIME - 60_000 })],
      }),
      Date.now(),
    );
    store.getState().setConnection('live');
    store.getState().setSession({ role: 'lead', name: 'Ana Costa' });
  });
  return { i18n, store };
}

const card = (id: string) => screen.getAllByTestId('alert-card').find((c) => c.dataset.alertId === id)!;

describe('the desk in Portuguese and Dutch', () => {
  it('speaks pt-PT: headings, columns, statuses, alert cards, numbers as Lisbon writes them', () => {
    renderIn('pt');
    expect(screen.getByRole('heading', { name: 'Filas, as piores primeiro' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: '1.ª resposta p90' })).toBeTruthy();
    expect(screen.getByTestId('desk-session').textContent).toBe('Ana Costa · chefe de equipa');
    const rows = screen.getAllByTestId('desk-queue-row');
    expect(rows[0]!.textContent).toContain('Crítico');
    expect(rows[1]!.textContent).toContain('Em risco');
    expect(rows[1]!.textContent).toContain('rutura em ~12 min');
    // pt-PT groups thousands with a space (Intl), as the desk's own locale for Portuguese.
    expect(rows[2]!.querySelector('[data-metric="backlog"]')!.textContent).toBe(new Intl.NumberFormat('pt-PT').format(1250));
    expect(within(card('a1')).getByRole('button', { name: 'Reconhecer' })).toBeTruthy();
    expect(within(card('a1')).getByRole('button', { name: 'Adiar 15 min' })).toBeTruthy();
    expect(card('a1').textContent).toContain('Espera mais longa 12m (aviso acima de 10m)');
    expect(card('a1').textContent).toMatch(/há \d+m/);
    expect(screen.getByLabelText('Equipa ou parceiro')).toBeTruthy();
    expect(screen.getByText(/^Alertas abertos/)).toBeTruthy();
  });

  it('speaks nl-NL: headings, statuses, buttons, counts', () => {
    renderIn('nl');
    expect(screen.getByRole('heading', { name: 'Wachtrijen, slechtste eerst' })).toBeTruthy();
    expect(screen.getAllByTestId('desk-queue-row')[0]!.textContent).toContain('Kritiek');
    expect(screen.getAllByTestId('desk-queue-row')[1]!.textContent).toContain('Risico');
    expect(within(card('a2')).getByRole('button', { name: 'Bevestigen' })).toBeTruthy();
    expect(within(card('a2')).getByRole('button', { name: '1 uur uitstellen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Chat Portugal vastzetten' })).toBeTruthy();
    expect(screen.getByText('3 van 3 wachtrijen')).toBeTruthy();
  });

  it('the pin window speaks the same language', () => {
    window.localStorage.setItem('queueboard.pins', JSON.stringify([{ kind: 'queue', id: 'ams-phone' }, { kind: 'alert', id: 'a1' }]));
    renderIn('nl', 'pins');
    expect(screen.getByRole('heading', { name: 'Vastgezet' })).toBeTruthy();
    expect(screen.getByTestId('pinned-queue').textContent).toContain('Kritiek');
    expect(screen.getByTestId('pinned-alert').textContent).toContain('Vraagt actie');
    expect(screen.getByRole('button', { name: 'Phone Netherlands losmaken' })).toBeTruthy();
  });

  it('changes language from the picker at once, and remembers it for the next start', async () => {
    const user = userEvent.setup();
    renderIn('en');
    expect(screen.getByRole('heading', { name: 'Queues, worst first' })).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Language'), 'pt');
    expect(screen.getByRole('heading', { name: 'Filas, as piores primeiro' })).toBeTruthy();
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('pt');
    expect(document.documentElement.lang).toBe('pt-PT');
    // The next start (main.tsx) reads the choice back, over an English browser.
    const next = startLanguage({ search: '', appLanguage: null, stored: readStoredLanguage(window.localStorage), browserLanguages: ['en-US', 'en'] });
    expect(next).toBe('pt');
  });

  it('follows a choice made in another window of the same person (the pin window follows the desk)', () => {
    const { i18n } = renderIn('en', 'pins');
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'nl');
    act(() => void window.dispatchEvent(new StorageEvent('storage', { key: LANGUAGE_STORAGE_KEY, newValue: 'nl' })));
    expect(i18n.language).toBe('nl');
    expect(screen.getByRole('heading', { name: 'Vastgezet' })).toBeTruthy();
  });
});

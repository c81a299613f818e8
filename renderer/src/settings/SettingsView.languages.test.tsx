import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { override, renderWithGateway, thresholdState } from '../../../tests/support/settings-fixtures';
import { createI18n, type Language } from '../i18n/i18n';
import { LANGUAGE_STORAGE_KEY } from '../i18n/user-language';
import { SettingsView } from './SettingsView';

beforeEach(() => window.localStorage.clear());

function renderIn(language: Language, role: 'manager' | 'lead' = 'manager') {
  const i18n = createI18n(language);
  const thresholds = thresholdState([override({ scope: 'queue', scopeId: 'lis-chat', warning: 905, critical: 1200 })]);
  renderWithGateway(
    <I18nextProvider i18n={i18n}>
      <SettingsView storedToken={() => 'token'} signIn={vi.fn()} />
    </I18nextProvider>,
    { role, name: role === 'manager' ? 'Marta Silva' : 'Ana Costa', thresholds },
  );
  return i18n;
}

describe('the settings pane in Portuguese and Dutch', () => {
  it('speaks pt-PT: title, tabs, table, save bar, origins, preview, bulk edit', async () => {
    renderIn('pt');
    expect(screen.getByRole('heading', { name: 'Queueboard: definições' })).toBeTruthy();
    expect(screen.getByTestId('session').textContent).toBe('Marta Silva (gestor)');
    expect(screen.getByRole('button', { name: 'Registo de alterações' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Espera mais longa' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Período de espera' })).toBeTruthy();
    expect(screen.getByText('Sem alterações por guardar')).toBeTruthy();
    expect(screen.getByTestId('table-legend').textContent).toContain('Pendentes: mais alto é pior; níveis em pedidos.');
    const chat = screen.getByLabelText('Chat Portugal: Pendentes aviso') as HTMLInputElement;
    expect(chat.value).toBe('905');
    expect(document.querySelector('[data-row-id^="queue|lis-chat|backlog"] [data-testid="origin"]')!.textContent).toBe('definido aqui (fila)');
    expect(document.querySelector('[data-row-id^="queue|lis-email|backlog"] [data-testid="origin"]')!.textContent).toBe('origem: valor de fábrica (email)');
    await userEvent.clear(chat);
    await userEvent.type(chat, '50');
    expect(screen.getByText('1 alteração por guardar')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Guardar' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Pré-visualização: agora, com as suas edições' })).toBeTruthy();
  });

  it('speaks nl-NL, the read-only note and the audit trail too', async () => {
    renderIn('nl', 'lead');
    expect(screen.getByRole('heading', { name: 'Queueboard-instellingen' })).toBeTruthy();
    expect(screen.getByTestId('read-only-note').textContent).toBe('Alleen managers kunnen drempels wijzigen; je bent aangemeld als Ana Costa (teamleider).');
    expect(screen.getByRole('columnheader', { name: 'Waarde van' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Alle meetwaarden' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'JSON exporteren' })).toBeTruthy();
  });

  it('has the language picker in its header, remembered like the desk', async () => {
    const i18n = renderIn('en');
    await userEvent.selectOptions(screen.getByLabelText('Language'), 'nl');
    expect(i18n.language).toBe('nl');
    expect(screen.getByRole('button', { name: 'Wijzigingslog' })).toBeTruthy();
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('nl');
  });
});

import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { snapshot } from '../../../tests/support/renderer-fixtures';
import { createI18n } from '../i18n/i18n';
import { StoreProvider } from '../store/store-context';
import { createAppStore } from '../store/store';
import { App } from './App';

function renderApp(officeId: string | null, language: 'en' | 'pt' | 'nl' | null = null) {
  const store = createAppStore();
  store.getState().setLanguage(language);
  render(
    <I18nextProvider i18n={createI18n(language ?? 'en')}>
      <StoreProvider store={store}>
        <App officeId={officeId} view="wall" />
      </StoreProvider>
    </I18nextProvider>,
  );
  act(() => {
    store.getState().applySnapshot(snapshot(1, { serverTime: Date.now() }), Date.now());
    store.getState().setConnection('live');
  });
  return store;
}

const connectionText = () => screen.getByTestId('connection-status').textContent;
const backlogLabel = () => document.querySelector('.metric-backlog .metric-label')?.textContent;

describe('App language', () => {
  it("speaks the office's language and formats in its locale by default", () => {
    renderApp('amsterdam');
    expect(connectionText()).toBe('Live');
    expect(backlogLabel()).toBe('Achterstand');
    expect(document.documentElement.lang).toBe('nl-NL');
    expect(screen.getByTestId('language').textContent).toBe('NL');
  });

  it('speaks English on a wall of every office', () => {
    renderApp(null);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('All offices');
  });

  it('follows ?lang= over the office locale', () => {
    renderApp('lisbon', 'en');
    expect(backlogLabel()).toBe('Backlog');
    expect(document.documentElement.lang).toBe('en-GB');
  });

  it('L and the language button cycle English, Portuguese, Dutch', () => {
    const store = renderApp('lisbon');
    expect(connectionText()).toBe('Em direto');
    act(() => void fireEvent.keyDown(window, { key: 'l' }));
    expect(store.getState().display.language).toBe('nl');
    expect(connectionText()).toBe('Live');
    expect(backlogLabel()).toBe('Achterstand');
    act(() => void fireEvent.click(screen.getByTestId('language')));
    expect(store.getState().display.language).toBe('en');
    expect(backlogLabel()).toBe('Backlog');
    act(() => void fireEvent.keyDown(window, { key: 'l', ctrlKey: true }));
    expect(store.getState().display.language).toBe('en');
  });
});

import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Broadcast } from '../../../shared/protocol/broadcast-protocol';
import { snapshot } from '../../../tests/support/renderer-fixtures';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type Language } from '../i18n/i18n';
import { StoreProvider } from '../store/store-context';
import { createAppStore } from '../store/store';
import { WallView } from './WallView';

const AT = Date.UTC(2026, 11, 7, 10, 0);
const broadcast = (id: string, over: Partial<Broadcast> = {}): Broadcast => ({
  id,
  text: { en: 'Phones are down', pt: 'Os telefones estão em baixo', nl: 'De telefoons liggen eruit' },
  severity: 'critical',
  audience: { kind: 'all' },
  startsAt: AT,
  endsAt: AT + 30 * 60_000,
  linkedQueueIds: [],
  queueIds: ['lis-chat', 'lis-email', 'ams-phone'],
  postedBy: 'Marta Silva',
  postedAt: AT,
  edited: null,
  state: 'active',
  ...over,
});

function renderWall(officeId: string | null, language: Language, locale: string) {
  const store = createAppStore();
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <StoreProvider store={store}>
        <WallView officeId={officeId} locale={locale} language={language} onNextLanguage={() => {}} />
      </StoreProvider>
    </I18nextProvider>,
  );
  act(() => {
    store.getState().applySnapshot(snapshot(1), Date.now());
    store.getState().setConnection('live');
  });
  return store;
}

const banners = () => screen.queryAllByTestId('broadcast-banner').map((b) => b.textContent);

afterEach(cleanup);

describe('the wall banner', () => {
  it('shows an active broadcast reaching the wall, in its language, worst first, and leaves when it ends', () => {
    const store = renderWall('lisbon', 'pt', 'pt-PT');
    act(() => store.getState().setBroadcasts([
      broadcast('info', { severity: 'info', text: 'Simulacro de incêndio às 11:00' }),
      broadcast('down'),
      broadcast('amsterdam-only', { queueIds: ['ams-phone'] }),
      broadcast('later', { state: 'scheduled' }),
    ]));
    // 10:30 UTC is 10:30 in Lisbon in December.
    expect(banners()).toEqual(['CríticoOs telefones estão em baixoaté às 10:30', 'Aviso informativoSimulacro de incêndio às 11:00até às 10:30']);
    expect(screen.getAllByTestId('broadcast-banner')[0]!.className).toContain('broadcast-critical');
    act(() => store.getState().setBroadcasts([broadcast('info', { severity: 'info', text: 'Simulacro de incêndio às 11:00' })]));
    expect(banners()).toHaveLength(1);
    act(() => store.getState().setBroadcasts([]));
    expect(banners()).toEqual([]);
  });

  it('names the office whose time the end is told in on a wall of several offices', () => {
    const store = renderWall(null, 'en', 'en-GB');
    act(() => store.getState().setBroadcasts([broadcast('b')]));
    expect(banners()).toEqual(['CriticalPhones are downuntil 10:30 (Lisbon)']);
  });

  it('falls back to English where the broadcast has no text in the wall language', () => {
    const store = renderWall('amsterdam', 'nl', 'nl-NL');
    act(() => store.getState().setBroadcasts([broadcast('b', { severity: 'warning', text: { en: 'Storm in Lisbon', pt: 'Tempestade em Lisboa' } })]));
    expect(banners()).toEqual(['WaarschuwingStorm in Lisbontot 11:30']);
  });
});

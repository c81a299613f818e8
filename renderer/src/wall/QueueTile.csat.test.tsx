import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { QueueState } from '../../../shared/protocol/protocol';
import { chatQueue, state } from '../../../tests/support/renderer-fixtures';
import { createI18n, type Language } from '../i18n/i18n';
import { QueueTile, type QueueTileProps } from './QueueTile';

const NOW = Date.UTC(2026, 10, 24, 14, 0);

function tile(props: Partial<QueueTileProps> = {}, language: Language = 'en', locale = 'en-GB') {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <QueueTile queue={chatQueue} state={state('lis-chat')} locale={locale} timeZone="Europe/Lisbon" now={NOW} live {...props} />
    </I18nextProvider>,
  );
  return screen.getByTestId('queue-tile');
}

function withCsat(csat: number | null, level: 'ok' | 'warning' | 'critical' | null): QueueState {
  const base = state('lis-chat');
  return { ...base, metrics: { ...base.metrics, csat, csatRatings: csat === null ? 0 : 120 }, health: { ...base.health, metrics: { ...base.health.metrics, ...(level ? { csat: level } : {}) } } };
}

describe('CSAT on the tile (issue 17)', () => {
  it('shows the queue\'s CSAT on the team\'s line, marked by its level, and not again as a cause', () => {
    const el = tile({ state: withCsat(78.5, 'warning') });
    const csat = el.querySelector('[data-testid="tile-csat"]')!;
    expect(csat.textContent).toBe('CSAT 78.5%');
    expect(csat.className).toBe('tile-csat level-warning');
    expect(csat.querySelector('svg')).not.toBeNull();
    expect(el.querySelector('[data-testid="tile-causes"]')).toBeNull();
  });

  it('formats it in the wall\'s locale, without a mark while it is OK', () => {
    const csat = tile({ state: withCsat(91.2, 'ok') }, 'pt', 'pt-PT').querySelector('[data-testid="tile-csat"]')!;
    expect(csat.textContent).toMatch(/^CSAT 91,2\s?%$/);
    expect(csat.querySelector('svg')).toBeNull();
  });

  it('shows none without ratings, and none where a manager made CSAT ungraded', () => {
    expect(tile({ state: withCsat(null, null) }).querySelector('[data-testid="tile-csat"]')).toBeNull();
    cleanup();
    const ungraded = tile({ queue: { ...chatQueue, ungraded: ['csat'] }, state: withCsat(60, null) });
    expect(ungraded.querySelector('[data-testid="tile-csat"]')).toBeNull();
  });
});

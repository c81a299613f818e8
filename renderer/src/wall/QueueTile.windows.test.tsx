import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import type { Queue } from '../../../shared/model';
import { emailQueue, state } from '../../../tests/support/renderer-fixtures';
import { createI18n, type Language } from '../i18n/i18n';
import { QueueTile } from './QueueTile';

const NOW = Date.UTC(2026, 11, 7, 23, 40);
afterEach(cleanup);

const email: Queue = {
  ...emailQueue,
  names: { en: 'Email Spain', pt: 'Email Espanha', nl: 'E-mail Spanje' },
  windows: { firstResponse: 'today', resolution: 1440 },
};
// The evening of the issue: hundreds open, the oldest waiting over two hours, no first reply today yet.
const quietEvening = state('lis-email', { metrics: { backlog: 540, oldestWaitingSeconds: 2 * 3600 + 10 * 60, firstResponseP90: null, resolutionP90: null } as never });

function tile(queue: Queue, language: Language, tileState = quietEvening) {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <QueueTile queue={queue} state={tileState} locale="en-GB" timeZone="Europe/Lisbon" now={NOW} live />
    </I18nextProvider>,
  );
  const labels = [...document.querySelectorAll('.metric-label')].map((el) => el.textContent);
  const value = (id: string) => document.querySelector(`.metric-value [data-metric="${id}"]`)!.textContent;
  return { labels, value, name: document.querySelector('.tile-name')!.textContent, aria: screen.getByTestId('queue-tile').getAttribute('aria-label') };
}

describe('a tile says what its percentiles cover, and what an empty one means', () => {
  it.each([
    ['en', 'First reply p90 · today', 'no reply for 2h 10m', 'none solved in 24h', 'Email Spain'],
    ['pt', '1.ª resposta p90 · hoje', 'sem resposta há 2h 10m', 'nenhum resolvido em 24h', 'Email Espanha'],
    ['nl', '1e reactie p90 · vandaag', 'al 2h 10m geen antwoord', 'niets opgelost in 24h', 'E-mail Spanje'],
  ] as const)('%s: labels with the window, a sentence for no sample, the name in the language', (language, label, noReply, noneSolved, name) => {
    const seen = tile(email, language);
    expect(seen.labels[1]).toBe(label);
    expect(seen.value('firstResponseP90')).toBe(noReply);
    expect(seen.value('resolutionP90')).toBe(noneSolved);
    expect(seen.name).toBe(name);
    expect(seen.aria).toContain(name);
  });

  it('says "· 1h" for a rolling hour and keeps the figure when the window holds one', () => {
    const chat: Queue = { ...emailQueue, channel: 'chat', windows: { firstResponse: 60, resolution: 1440 } };
    const seen = tile(chat, 'en', state('lis-email', { metrics: { backlog: 4, firstResponseP90: 75, resolutionP90: 1200 } as never }));
    expect(seen.labels.slice(1)).toEqual(['First reply p90 · 1h', 'Resolution p90 · 24h']);
    expect(seen.value('firstResponseP90')).toBe('1m 15s');
  });

  it('keeps the dash where nothing is open (nothing to measure) and without windows from an older gateway', () => {
    const empty = state('lis-email', { metrics: { backlog: 0, oldestWaitingSeconds: null, firstResponseP90: null, resolutionP90: null } as never });
    expect(tile(email, 'en', empty).value('firstResponseP90')).toBe('–');
    cleanup();
    const { windows: _, names: __, ...older } = email;
    const seen = tile(older, 'pt');
    expect(seen.labels[1]).toBe('1.ª resposta p90');
    expect(seen.name).toBe('Email Spain');
  });
});

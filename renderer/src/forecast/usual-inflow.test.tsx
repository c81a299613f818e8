import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_METRICS } from '../../../shared/metrics';
import type { QueueState } from '../../../shared/protocol/protocol';
import type { UsualInflow } from '../../../shared/protocol/usual-inflow';
import { chatQueue, state } from '../../../tests/support/renderer-fixtures';
import { createI18n, type Language } from '../i18n/i18n';
import { QueueTile } from '../wall/QueueTile';
import { Sparkline } from '../wall/Sparkline';
import { UsualLine } from './UsualLine';

const NOW = Date.UTC(2026, 10, 24, 10, 5);
const usual: UsualInflow = { learnedDays: 7, weekday: 2, minuteOfDay: 600, perHour: { expected: 120, low: 96, high: 150 }, backlog: { low: 20, high: 45 } };
afterEach(cleanup);

function spiking(level: 'ok' | 'warning' | 'critical', ratio = 2.3, extra: Partial<QueueState> = {}): QueueState {
  return state('lis-chat', {
    metrics: { ...EMPTY_METRICS, backlog: 30, inflowVsUsual: ratio },
    health: { status: level, metrics: { inflowVsUsual: level }, stale: null, atRisk: null },
    usual,
    ...extra,
  });
}

const inLanguage = (element: React.ReactElement, language: Language) => render(<I18nextProvider i18n={createI18n(language)}>{element}</I18nextProvider>);

describe('inflow against the usual on the wall', () => {
  it.each([
    ['en', 'en-GB', 'Inflow 2.3× usual for Tue 10:00'],
    ['pt', 'pt-PT', 'Entrada 2,3× o habitual (ter. 10:00)'],
    ['nl', 'nl-NL', 'Instroom 2,3× normaal (di 10:00)'],
  ] as const)('notes a graded spike on the tile with the office slot it is usual for (%s)', (language, locale, text) => {
    inLanguage(<QueueTile queue={chatQueue} state={spiking('warning')} locale={locale} timeZone="Europe/Lisbon" now={NOW} live />, language);
    const note = screen.getByTestId('tile-volume');
    expect(note.textContent).toBe(text);
    expect(note.className).toContain('level-warning');
    // Named once, in its own note, not again among the causes.
    expect(screen.queryByTestId('tile-causes')?.querySelector('[data-metric="inflowVsUsual"]') ?? null).toBeNull();
  });

  it('drops the tenth past ten times the usual, so the note stays one line ("Inflow 12× usual")', () => {
    inLanguage(<QueueTile queue={chatQueue} state={spiking('critical', 12.4, { usual: { ...usual, weekday: 6 } })} locale="pt-PT" timeZone="Europe/Lisbon" now={NOW} live />, 'pt');
    expect(screen.getByTestId('tile-volume').textContent).toBe('Entrada 12× o habitual (sáb. 10:00)');
  });

  it('says nothing while inflow is within its levels, or while the baseline learns', () => {
    render(<QueueTile queue={chatQueue} state={spiking('ok', 1.1)} locale="en-GB" timeZone="Europe/Lisbon" now={NOW} live />);
    expect(screen.queryByTestId('tile-volume')).toBeNull();
    cleanup();
    render(<QueueTile queue={chatQueue} state={spiking('warning', 2, { usual: null })} locale="en-GB" timeZone="Europe/Lisbon" now={NOW} live />);
    expect(screen.queryByTestId('tile-volume')).toBeNull();
  });

  it('draws the usual backlog as a band behind the sparkline, on the line’s scale', () => {
    const series = { at: [0, 1, 2, 3].map((i) => NOW - (3 - i) * 60_000), values: [10, 30, 50, 40] };
    render(<Sparkline series={series} label="Backlog" band={{ low: 20, high: 45 }} />);
    const band = screen.getByTestId('sparkline-band');
    // From zero to the highest value (50): the band spans 20–45, i.e. y 4 to 24 of 40.
    expect(Number(band.getAttribute('y'))).toBeCloseTo(4);
    expect(Number(band.getAttribute('height'))).toBeCloseTo(20);
    cleanup();
    render(<Sparkline series={series} label="Backlog" />);
    expect(screen.queryByTestId('sparkline-band')).toBeNull();
  });
});

describe('inflow against the usual on the desk', () => {
  it('shows the ratio with the usual range, coloured by its level', () => {
    render(<UsualLine state={spiking('critical', 2.6)} locale="en-GB" />);
    const line = screen.getByTestId('desk-usual');
    expect(line.textContent).toBe('Inflow 2.6× usual for Tue 10:00 · usual 96–150/h');
    expect(line.className).toContain('level-critical');
  });

  it('says how far the baseline has got while it learns', () => {
    inLanguage(<UsualLine state={spiking('ok', 1, { usual: { ...usual, learnedDays: 3, perHour: null, backlog: null } })} locale="pt-PT" />, 'pt');
    expect(screen.getByTestId('desk-usual').textContent).toBe('Entrada habitual: a aprender (3 de 7 dias)');
  });
});

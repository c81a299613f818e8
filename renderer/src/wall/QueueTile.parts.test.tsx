import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Alert, QueueState } from '../../../shared/protocol/protocol';
import { chatQueue, state } from '../../../tests/support/renderer-fixtures';
import { createI18n, type Language } from '../i18n/i18n';
import { QueueTile, type QueueTileProps } from './QueueTile';

const NOW = Date.UTC(2026, 10, 24, 14, 0);

function tile(props: Partial<QueueTileProps> = {}, language?: Language) {
  const element = <QueueTile queue={chatQueue} state={state('lis-chat')} locale="en-GB" timeZone="Europe/Lisbon" now={NOW} live {...props} />;
  render(language ? <I18nextProvider i18n={createI18n(language)}>{element}</I18nextProvider> : element);
  return screen.getByTestId('queue-tile');
}

const withHealth = (health: Partial<QueueState['health']>, extra: Partial<QueueState> = {}) =>
  state('lis-chat', { health: { status: 'ok', metrics: {}, stale: null, atRisk: null, ...health }, ...extra });

const alert = (overrides: Partial<Alert> = {}): Alert => ({
  id: 'a-1', queueId: 'lis-chat', kind: 'threshold', metric: 'backlog', level: 'warning', value: 30, threshold: 25,
  projectedMinutes: null, openedAt: NOW - 600_000, resolvedAt: null, resolution: null, acknowledged: null, snoozed: null,
  ...overrides,
});

describe('QueueTile status', () => {
  it.each([
    ['ok', 'OK', 'circle'],
    ['warning', 'Warning', 'path'],
    ['critical', 'Critical', 'path'],
    ['no-data', 'No data', 'path'],
  ] as const)('%s: says %s, with its own shape and colour class', (status, word, element) => {
    const el = tile({ state: withHealth({ status }) });
    expect(el.dataset.status).toBe(status);
    expect(el.className).toContain(`status-${status}`);
    expect(el.querySelector('.tile-status-word')?.textContent).toBe(word);
    expect(el.querySelector(`.tile-status svg ${element}`)).not.toBeNull();
  });

  it('draws a different shape for each status, so colour is never the only cue', () => {
    const shapes = (['ok', 'warning', 'critical', 'no-data'] as const).map((status) => {
      const el = tile({ state: withHealth({ status }) });
      const html = el.querySelector('.tile-status svg')!.innerHTML;
      cleanup();
      return html;
    });
    expect(new Set(shapes).size).toBe(4);
  });
});

describe('QueueTile notes', () => {
  it('forecasts a breach in minutes with the metric', () => {
    tile({ state: withHealth({ status: 'warning', atRisk: { metric: 'firstResponseP90', minutes: 12 } }) });
    expect(screen.getByTestId('tile-at-risk').textContent).toBe('Breach in ~12 mins · First reply p90');
  });

  it('says who acknowledged the open alert', () => {
    tile({ alert: alert({ acknowledged: { by: 'Ana Costa', at: NOW - 60_000, note: null } }) });
    expect(screen.getByTestId('tile-alert').textContent).toBe('Acknowledged by Ana Costa');
  });

  it('says until when the alert is snoozed, in the office time zone, and nothing once the snooze is over', () => {
    const snoozed = alert({ snoozed: { by: 'Ana Costa', at: NOW, until: Date.UTC(2026, 10, 24, 15, 30) } });
    tile({ alert: snoozed, timeZone: 'Europe/Amsterdam' });
    expect(screen.getByTestId('tile-alert').textContent).toBe('Snoozed until 16:30');
    cleanup();
    tile({ alert: snoozed, now: Date.UTC(2026, 10, 24, 15, 31) });
    expect(screen.queryByTestId('tile-alert')).toBeNull();
  });

  it('shows nothing for an open alert nobody has handled yet', () => {
    tile({ alert: alert() });
    expect(screen.queryByTestId('tile-alert')).toBeNull();
  });

  it('greys a stale queue with its last status, the reason and the age of its data; the gateway message as a title', () => {
    const el = tile({
      state: withHealth(
        { status: 'stale', stale: { reason: 'source-down', message: 'Zendesk answered 503 three times', lastStatus: 'warning' } },
        { updatedAt: NOW - 130_000 },
      ),
    });
    expect(el.className).toContain('tile-stale');
    expect(el.querySelector('.tile-status-word')?.textContent).toBe('Stale: Warning');
    const note = screen.getByTestId('tile-stale');
    expect(note.textContent).toBe('Source down · data 2 mins old');
    expect(note.getAttribute('title')).toBe('Zendesk answered 503 three times');
  });

  it('says the helpdesk asked to wait, not that the source is down, while a connector is rate-limited', () => {
    const message = 'Zendesk asked us to wait 5 min (until 09:06 UTC); data from 09:00 UTC';
    tile({ state: withHealth({ status: 'stale', stale: { reason: 'rate-limited', message, lastStatus: 'ok' } }, { updatedAt: NOW - 130_000 }) });
    const note = screen.getByTestId('tile-stale');
    expect(note.textContent).toBe('Helpdesk asked to wait · data 2 mins old');
    expect(note.getAttribute('title')).toBe(message);
  });

  it('says how old the numbers are when the connection is down', () => {
    tile({ live: false, disconnectedForSeconds: 45 });
    expect(screen.getByTestId('tile-stale').textContent).toBe('data 45 secs old');
  });

  it('shows a backlog arrow against 15 minutes ago, and none without that history', () => {
    const minute = 60_000;
    const series = { at: Array.from({ length: 20 }, (_, i) => NOW - (19 - i) * minute), values: Array.from({ length: 20 }, (_, i) => 10 + i) };
    tile({ state: state('lis-chat', { metrics: { backlog: 40 } as never }), series });
    const trend = screen.getByTestId('trend');
    expect(trend.dataset.direction).toBe('rising');
    expect(trend.getAttribute('aria-label')).toBe('Backlog rising: 26 in 15 min');
    expect(trend.textContent).toBe('+26');
    cleanup();
    tile({ series: { at: [NOW - minute], values: [3] } });
    expect(screen.queryByTestId('trend')).toBeNull();
  });

  it('notes tickets past their SLA where they are ungraded, saying so, once (not again when they are a graded cause)', () => {
    const ungraded = { ...chatQueue, ungraded: ['slaBreached' as const] };
    tile({ queue: ungraded, state: withHealth({}, { metrics: { slaBreached: 3 } as never }) });
    expect(screen.getByTestId('tile-sla-breached').textContent).toBe('3 tickets past SLA · not graded here');
    cleanup();
    tile({ queue: ungraded, state: withHealth({}, { metrics: { slaBreached: 1 } as never }) }, 'nl');
    expect(screen.getByTestId('tile-sla-breached').textContent).toBe('1 ticket buiten SLA · hier niet beoordeeld');
    cleanup();
    // Graded but below warning (or still pending): a note under OK would contradict the status.
    tile({ state: withHealth({ metrics: { slaBreached: 'ok' } as never }, { metrics: { slaBreached: 3 } as never }) });
    expect(screen.queryByTestId('tile-sla-breached')).toBeNull();
    cleanup();
    tile({ queue: ungraded, state: withHealth({}, { metrics: { slaBreached: 0 } as never }) });
    expect(screen.queryByTestId('tile-causes')).toBeNull();
    cleanup();
    tile({ state: withHealth({ status: 'warning', metrics: { slaBreached: 'warning' } as never }, { metrics: { slaBreached: 4 } as never }) });
    expect(screen.queryByTestId('tile-sla-breached')).toBeNull();
    expect(screen.getByTestId('tile-causes').textContent).toBe('SLA breached 4');
  });

  it('flashes only when asked, and never while the numbers are old', () => {
    tile({ flash: true });
    expect(screen.getByTestId('tile-flash')).toBeTruthy();
    cleanup();
    tile({ flash: false });
    expect(screen.queryByTestId('tile-flash')).toBeNull();
    cleanup();
    tile({ flash: true, live: false });
    expect(screen.queryByTestId('tile-flash')).toBeNull();
  });
});

describe('QueueTile translations', () => {
  it.each([
    ['pt', 'pt-PT', 'Crítico', 'Pendentes', 'Telefone', 'Reconhecido por Ana Costa', 'Rutura em ~5 min · 1.ª resposta p90'],
    ['nl', 'nl-NL', 'Kritiek', 'Achterstand', 'Telefoon', 'Bevestigd door Ana Costa', 'Overschrijding over ~5 min · 1e reactie p90'],
  ] as const)('%s: status, labels, channel, acknowledgement and forecast', (language, locale, word, backlog, channel, ack, risk) => {
    const el = tile(
      {
        queue: { ...chatQueue, channel: 'phone' },
        locale,
        state: withHealth({ status: 'critical', atRisk: { metric: 'firstResponseP90', minutes: 5 } }, { metrics: { backlog: 1234 } as never }),
        alert: alert({ acknowledged: { by: 'Ana Costa', at: NOW, note: null } }),
      },
      language,
    );
    expect(el.querySelector('.tile-status-word')?.textContent).toBe(word);
    expect(el.querySelector('.metric-backlog .metric-label')?.textContent).toBe(backlog);
    expect(el.querySelector('.tile-channel')?.textContent).toBe(channel);
    expect(screen.getByTestId('tile-alert').textContent).toBe(ack);
    expect(screen.getByTestId('tile-at-risk').textContent).toBe(risk);
    expect(el.querySelector('[data-metric="backlog"]')?.textContent).toBe(language === 'pt' ? '1234' : '1.234');
  });
});

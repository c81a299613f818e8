import { cleanup, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { TileNotes, type TileNotesProps } from './TileNotes';

afterEach(cleanup);

const MIDNIGHT = Date.UTC(2026, 11, 8, 0, 0);
const base: TileNotesProps = {
  stale: null,
  atRisk: null,
  alert: undefined,
  snoozeActive: false,
  dataAgeSeconds: null,
  causes: [],
  slaBreached: null,
  locale: 'en-GB',
  timeZone: 'Europe/Lisbon',
};

const note = (props: Partial<TileNotesProps>) => {
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <TileNotes {...base} {...props} />
    </I18nextProvider>,
  );
  return document.querySelector('[data-testid="tile-sla-outlook"]');
};

describe('the tile\'s SLA outlook note', () => {
  it('shows when the projection falls below target', () => {
    expect(note({ slaOutlook: { expected: 72.4, low: 65, high: 80, target: 90, until: MIDNIGHT } })!.textContent).toBe('End of day: SLA 72.4%');
  });

  it('stays away at or above target, without an outlook, and on a stale tile', () => {
    expect(note({ slaOutlook: { expected: 90, low: 85, high: 95, target: 90, until: MIDNIGHT } })).toBeNull();
    cleanup();
    expect(note({ slaOutlook: null })).toBeNull();
    cleanup();
    expect(note({ slaOutlook: { expected: 50, low: 40, high: 60, target: 90, until: MIDNIGHT }, stale: { reason: 'source-down', message: 'down', lastStatus: 'ok' } })).toBeNull();
  });
});

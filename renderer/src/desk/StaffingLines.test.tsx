import { cleanup, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffingOutlook } from '../../../shared/protocol/staffing-outlook';
import { createI18n, type Language } from '../i18n/i18n';
import { StaffingLines } from './StaffingLines';

afterEach(cleanup);

// Midnight in Lisbon, 8 December 2026 (WET, UTC+0).
const MIDNIGHT = Date.UTC(2026, 11, 8, 0, 0);
const chat: StaffingOutlook = {
  method: 'erlang-a',
  basis: 'usual',
  spanMinutes: 30,
  needed: 12,
  online: 9,
  handleSeconds: 480,
  handleFrom: 'default',
  sla: { expected: 84.2, low: 78.5, high: 90.1, target: 90, until: MIDNIGHT },
};

function cell(language: Language, staffing: StaffingOutlook | null, locale = 'en-GB') {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <StaffingLines staffing={staffing} gapLevel={undefined} outlookLevel={undefined} locale={locale} />
    </I18nextProvider>,
  );
  const td = document.querySelector('[data-testid="desk-staffing"]')!;
  return {
    td,
    need: td.querySelector('[data-testid="desk-staffing-need"]'),
    outlook: td.querySelector('[data-testid="desk-sla-outlook"]'),
  };
}

describe('the desk\'s staffing lines', () => {
  it('says need N, have M and the SLA outlook with its range, and how in the tooltip', () => {
    const seen = cell('en', chat);
    expect(seen.need!.textContent).toBe('Need 12, have 9');
    expect(seen.need!.className).toContain('desk-staffing-short');
    expect(seen.outlook!.textContent).toBe('SLA at end of day: 84.2% (78.5–90.1%)');
    expect(seen.outlook!.className).toContain('desk-staffing-below');
    expect(seen.td.getAttribute('title')).toBe('Erlang A over the next 30 min · from the usual inflow · handle time 8m, by default');
  });

  it('says when the arrivals are the recent inflow and the need is by workload', () => {
    const seen = cell('en', { ...chat, method: 'workload', spanMinutes: 480, basis: 'recent', handleFrom: 'reading', needed: 40, online: 52, sla: { ...chat.sla!, expected: 97 } });
    expect(seen.td.getAttribute('title')).toBe('Workload over the next 8h · from the recent inflow (no baseline yet) · handle time 8m, as reported');
    expect(seen.need!.className).not.toContain('desk-staffing-short');
    expect(seen.outlook!.className).not.toContain('desk-staffing-below');
  });

  it('speaks Portuguese and Dutch with their numbers', () => {
    expect(cell('pt', chat, 'pt-PT').need!.textContent).toBe('Precisa de 12, tem 9');
    cleanup();
    expect(cell('nl', chat, 'nl-NL').outlook!.textContent).toBe('SLA aan het eind van de dag: 84,2% (78,5–90,1%)');
    cleanup();
    expect(cell('en', { ...chat, sla: { ...chat.sla!, low: 84.2, high: 84.2 } }).outlook!.textContent).toBe('SLA at end of day: 84.2%');
  });

  it('says so when agents are not reported, there is no outlook, or nothing to go on', () => {
    const seen = cell('en', { ...chat, online: null, sla: null });
    expect(seen.need!.textContent).toBe('Need 12, agents not reported');
    expect(seen.outlook!.textContent).toBe('No SLA outlook yet');
    cleanup();
    expect(cell('en', null).td.textContent).toBe('Not enough data yet');
  });
});

import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n';
import { problemText } from './problem-text';

describe('problemText', () => {
  it('counts down to the next try of a screen told to wait, in each language, never below zero', () => {
    const problem = { key: 'locked-out' as const, detail: 'Too many failed attempts', retryAt: 10_000 };
    expect(problemText(problem, createI18n('en').t, 2_500)).toBe('Too many failed sign-in attempts from this screen or its network. Trying again in 8 s.');
    expect(problemText(problem, createI18n('pt').t, 9_001)).toMatch(/Nova tentativa dentro de 1 s\.$/);
    expect(problemText(problem, createI18n('nl').t, 12_000)).toMatch(/Nieuwe poging over 0 s\.$/);
  });

  it('never counts down from more than the wait the gateway asked for, whatever moment the clock was read', () => {
    const problem = { key: 'locked-out' as const, detail: 'Too many failed attempts', retryAt: 10_000, waitSeconds: 8 };
    // The wall's clock last ticked 900 ms before the refusal arrived at 2 000.
    expect(problemText(problem, createI18n('en').t, 1_100)).toMatch(/Trying again in 8 s\.$/);
  });

  it('says how often a screen asked for its board and counts down to the next request, in each language', () => {
    const problem = { key: 'awaiting-board' as const, attempt: 3, retryAt: 10_000 };
    expect(problemText(problem, createI18n('en').t, 6_000)).toBe('No queue data from the gateway yet (asked 3 times); asking again in 4 s.');
    expect(problemText(problem, createI18n('pt').t, 6_000)).toBe('O gateway ainda não enviou os dados das filas (pedidos 3 vezes); novo pedido dentro de 4 s.');
    expect(problemText(problem, createI18n('nl').t, 11_000)).toBe('Nog geen wachtrijgegevens van de gateway (3 keer gevraagd); opnieuw vragen over 0 s.');
  });

  it("passes the gateway's own words through for other problems", () => {
    expect(problemText({ key: 'refused', detail: 'Unknown token.' }, createI18n('en').t)).toBe('Unknown token.');
  });
});

import { cleanup, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Queue } from '../../../shared/model';
import { emailQueue, state } from '../../../tests/support/renderer-fixtures';
import { createI18n, type Language } from '../i18n/i18n';
import { QueueRow } from './QueueRow';

afterEach(cleanup);

const email: Queue = { ...emailQueue, names: { pt: 'Email Espanha' }, windows: { firstResponse: 'today', resolution: 1440 } };

function row(language: Language, metrics: object) {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <table>
        <tbody>
          <QueueRow queue={email} officeName="Lisbon" state={state('lis-email', { metrics } as never)} locale="en-GB" pinned={false} onTogglePin={() => {}} highlighted={false} />
        </tbody>
      </table>
    </I18nextProvider>,
  );
  const cell = (id: string) => document.querySelector(`td[data-metric="${id}"]`)!;
  return { cell, name: document.querySelector('.desk-queue-name')!.firstChild!.textContent };
}

describe('the desk row of a queue whose window holds no first reply', () => {
  it('says how long the oldest has waited for first reply and SLA, in the language, with the window in the title', () => {
    const seen = row('pt', { backlog: 520, oldestWaitingSeconds: 4 * 3600, firstResponseP90: null, slaAttainment: null });
    expect(seen.cell('firstResponseP90').textContent).toBe('sem resposta há 4h');
    expect(seen.cell('slaAttainment').textContent).toBe('sem resposta há 4h');
    expect(seen.cell('firstResponseP90').getAttribute('title')).toBe('1.ª resposta p90 · hoje');
    expect(seen.name).toBe('Email Espanha');
  });

  it('shows the figures when there are some, and the dash when nothing is open', () => {
    expect(row('en', { backlog: 3, oldestWaitingSeconds: 60, firstResponseP90: 600, slaAttainment: 92 }).cell('slaAttainment').textContent).toBe('92%');
    cleanup();
    const seen = row('en', { backlog: 0, oldestWaitingSeconds: null, firstResponseP90: null, slaAttainment: null });
    expect(seen.cell('firstResponseP90').textContent).toBe('–');
    expect(seen.name).toBe('Email Spain');
  });
});

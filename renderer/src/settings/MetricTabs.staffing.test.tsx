import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { METRIC_IDS } from '../../../shared/metrics';
import { createI18n } from '../i18n/i18n';
import { MetricTabs, SETTINGS_METRICS } from './MetricTabs';

afterEach(cleanup);

describe('the settings pane\'s metric tabs', () => {
  it('offer every metric, the staffing gap and the SLA outlook among them', () => {
    expect([...SETTINGS_METRICS].sort()).toEqual([...METRIC_IDS].sort());
  });

  it('open the staffing gap and the SLA outlook by their names', () => {
    const onChange = vi.fn();
    render(
      <I18nextProvider i18n={createI18n('pt')}>
        <MetricTabs metric="overview" edits={{}} onChange={onChange} />
      </I18nextProvider>,
    );
    fireEvent.click(screen.getByLabelText('Falta de agentes'));
    fireEvent.click(screen.getByLabelText('Previsão do SLA'));
    expect(onChange.mock.calls).toEqual([['staffingGap'], ['slaOutlook']]);
  });
});

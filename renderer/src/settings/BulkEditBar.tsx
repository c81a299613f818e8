import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricId } from '../../../shared/metrics';
import type { Channel, Office } from '../../../shared/model';
import { unitHint } from './level-text';
import type { DraftFields } from './threshold-draft';

export interface BulkEditBarProps {
  metric: MetricId;
  offices: readonly Office[];
  channels: readonly Channel[];
  selectedCount: number;
  onSelectGroup: (officeId: string, channel: Channel | '') => void;
  onClearSelection: () => void;
  onApply: (fields: DraftFields) => void;
}

/** Sets one metric's levels on several queues at once, e.g. every chat queue in Lisbon. */
export function BulkEditBar({ metric, offices, channels, selectedCount, onSelectGroup, onClearSelection, onApply }: BulkEditBarProps) {
  const { t } = useTranslation();
  const metricLabel = t(`metric.${metric}`);
  const [office, setOffice] = useState('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const [fields, setFields] = useState<DraftFields>({ warning: '', critical: '', pending: '' });
  const set = (field: keyof DraftFields) => (e: React.ChangeEvent<HTMLInputElement>) => setFields({ ...fields, [field]: e.target.value });
  return (
    <section className="bulk-edit" aria-labelledby="bulk-edit-title">
      <h2 id="bulk-edit-title" className="panel-title">{t('settings.bulk.title')}</h2>
      <div className="bulk-select">
        <label>
          {t('settings.bulk.office')}
          <select value={office} onChange={(e) => setOffice(e.target.value)}>
            <option value="">{t('settings.bulk.everyOffice')}</option>
            {offices.map((o) => (
              <option key={o.id} value={o.id}>{o.name}</option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.bulk.channel')}
          <select value={channel} onChange={(e) => setChannel(e.target.value as Channel | '')}>
            <option value="">{t('settings.bulk.everyChannel')}</option>
            {channels.map((c) => (
              <option key={c} value={c}>{t(`channel.${c}`)}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => onSelectGroup(office, channel)}>{t('settings.bulk.selectThese')}</button>
        <span className="bulk-count" data-testid="selected-count" aria-live="polite">{t('settings.bulk.selected', { count: selectedCount })}</span>
        {selectedCount > 0 && (
          <button type="button" className="link-button" onClick={onClearSelection}>{t('settings.bulk.clear')}</button>
        )}
      </div>
      <form
        className="bulk-levels"
        onSubmit={(e) => {
          e.preventDefault();
          onApply(fields);
        }}
      >
        <label>
          {t('settings.bulk.warning')} <input value={fields.warning} onChange={set('warning')} aria-describedby="bulk-unit" />
        </label>
        <label>
          {t('settings.bulk.critical')} <input value={fields.critical} onChange={set('critical')} aria-describedby="bulk-unit" />
        </label>
        <label>
          {t('settings.bulk.pending')} <input value={fields.pending} onChange={set('pending')} placeholder={t('settings.bulk.pendingPlaceholder')} />
        </label>
        <span id="bulk-unit" className="hint">{t('settings.bulk.unitHint', { metric: metricLabel, unit: unitHint(metric, t) })}</span>
        <button type="submit" disabled={selectedCount === 0}>
          {t('settings.bulk.apply', { metric: metricLabel.toLowerCase(), count: selectedCount })}
        </button>
      </form>
    </section>
  );
}

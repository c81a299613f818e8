import { useState } from 'react';
import { METRICS, type MetricId } from '../../../shared/metrics';
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
  const [office, setOffice] = useState('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const [fields, setFields] = useState<DraftFields>({ warning: '', critical: '', pending: '' });
  const set = (field: keyof DraftFields) => (e: React.ChangeEvent<HTMLInputElement>) => setFields({ ...fields, [field]: e.target.value });
  return (
    <section className="bulk-edit" aria-labelledby="bulk-edit-title">
      <h2 id="bulk-edit-title" className="panel-title">Bulk edit</h2>
      <div className="bulk-select">
        <label>
          Office
          <select value={office} onChange={(e) => setOffice(e.target.value)}>
            <option value="">every office</option>
            {offices.map((o) => (
              <option key={o.id} value={o.id}>{o.name}</option>
            ))}
          </select>
        </label>
        <label>
          Channel
          <select value={channel} onChange={(e) => setChannel(e.target.value as Channel | '')}>
            <option value="">every channel</option>
            {channels.map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => onSelectGroup(office, channel)}>Select these queues</button>
        <span className="bulk-count" data-testid="selected-count" aria-live="polite">{selectedCount} selected</span>
        {selectedCount > 0 && (
          <button type="button" className="link-button" onClick={onClearSelection}>Clear selection</button>
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
          Warning <input value={fields.warning} onChange={set('warning')} aria-describedby="bulk-unit" />
        </label>
        <label>
          Critical <input value={fields.critical} onChange={set('critical')} aria-describedby="bulk-unit" />
        </label>
        <label>
          Pending <input value={fields.pending} onChange={set('pending')} placeholder="default" />
        </label>
        <span id="bulk-unit" className="hint">{METRICS[metric].label}: {unitHint(metric)}</span>
        <button type="submit" disabled={selectedCount === 0}>
          Set {METRICS[metric].label.toLowerCase()} on {selectedCount} {selectedCount === 1 ? 'queue' : 'queues'}
        </button>
      </form>
    </section>
  );
}

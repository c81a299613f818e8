import { CHANNELS, type Channel, type Office, type Queue } from '../../../shared/model';
import { en } from '../../../shared/i18n/en';
import { NO_FILTERS, type DeskFilters } from './queue-order';

export interface DeskFilterBarProps {
  offices: readonly Office[];
  queues: readonly Queue[];
  filters: DeskFilters;
  onChange: (filters: DeskFilters) => void;
  shown: number;
}

export function DeskFilterBar({ offices, queues, filters, onChange, shown }: DeskFilterBarProps) {
  const channels = CHANNELS.filter((c) => queues.some((q) => q.channel === c));
  const teams = [...new Map(queues.map((q) => [q.team.name, q.team])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const active = filters.officeId !== null || filters.channel !== null || filters.team !== null;
  return (
    <form className="desk-filters" aria-label="Filter queues" onSubmit={(e) => e.preventDefault()}>
      <label>
        Office
        <select value={filters.officeId ?? ''} onChange={(e) => onChange({ ...filters, officeId: e.target.value || null })}>
          <option value="">All offices</option>
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Channel
        <select value={filters.channel ?? ''} onChange={(e) => onChange({ ...filters, channel: (e.target.value || null) as Channel | null })}>
          <option value="">All channels</option>
          {channels.map((c) => (
            <option key={c} value={c}>
              {en.channel[c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Team or partner
        <select value={filters.team ?? ''} onChange={(e) => onChange({ ...filters, team: e.target.value || null })}>
          <option value="">All teams and partners</option>
          {teams.map((t) => (
            <option key={t.name} value={t.name}>
              {t.kind === 'partner' ? `${t.name} (partner)` : t.name}
            </option>
          ))}
        </select>
      </label>
      <span className="desk-filter-count" role="status">
        {shown} of {queues.length} queues
      </span>
      {active && (
        <button type="button" className="action-button" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
      )}
    </form>
  );
}

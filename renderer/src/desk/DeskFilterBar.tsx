import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel, type Office, type Queue } from '../../../shared/model';
import { formatCount } from '../format/metric';
import { NO_FILTERS, type DeskFilters } from './queue-order';

export interface DeskFilterBarProps {
  offices: readonly Office[];
  queues: readonly Queue[];
  filters: DeskFilters;
  onChange: (filters: DeskFilters) => void;
  shown: number;
  locale: string;
}

export function DeskFilterBar({ offices, queues, filters, onChange, shown, locale }: DeskFilterBarProps) {
  const { t } = useTranslation();
  const channels = CHANNELS.filter((c) => queues.some((q) => q.channel === c));
  const teams = [...new Map(queues.map((q) => [q.team.name, q.team])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const active = filters.officeId !== null || filters.channel !== null || filters.team !== null;
  return (
    <form className="desk-filters" aria-label={t('desk.filters.label')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('desk.filters.office')}
        <select value={filters.officeId ?? ''} onChange={(e) => onChange({ ...filters, officeId: e.target.value || null })}>
          <option value="">{t('desk.filters.allOffices')}</option>
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('desk.filters.channel')}
        <select value={filters.channel ?? ''} onChange={(e) => onChange({ ...filters, channel: (e.target.value || null) as Channel | null })}>
          <option value="">{t('desk.filters.allChannels')}</option>
          {channels.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('desk.filters.team')}
        <select value={filters.team ?? ''} onChange={(e) => onChange({ ...filters, team: e.target.value || null })}>
          <option value="">{t('desk.filters.allTeams')}</option>
          {teams.map((team) => (
            <option key={team.name} value={team.name}>
              {team.kind === 'partner' ? t('desk.filters.partnerTeam', { name: team.name }) : team.name}
            </option>
          ))}
        </select>
      </label>
      <span className="desk-filter-count" role="status">
        {t('desk.filters.shown', { count: queues.length, shown: formatCount(shown, locale) })}
      </span>
      {active && (
        <button type="button" className="action-button" onClick={() => onChange(NO_FILTERS)}>
          {t('desk.filters.clear')}
        </button>
      )}
    </form>
  );
}

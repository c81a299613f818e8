import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import './incidents.css';

/**
 * The line on an affected queue's tile while its incident is open: the incident's title, so the floor
 * reads why these queues are red together. A note like the tile's others (same size, wraps, never cut).
 */
export const IncidentNote = memo(function IncidentNote({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <p className="note note-incident" data-testid="tile-incident">
      <svg className="note-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 2 1 21h22zm0 5 7.5 12h-15zm-1 4v4h2v-4zm0 5v2h2v-2z" />
      </svg>
      <span className="note-text">{t('incidents.tile', { title })}</span>
    </p>
  );
});

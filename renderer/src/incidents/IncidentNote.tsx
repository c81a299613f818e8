import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import './incidents.css';

/**
 * A flag, not the warning triangle: the line says why, the tile's status says how bad.
 * The line on an affected queue's tile while its incident is open: the incident's title, so the floor
 * reads why these queues are red together. A note like the tile's others (same size, wraps, never cut).
 */
export const IncidentNote = memo(function IncidentNote({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <p className="note note-incident" data-testid="tile-incident">
      <svg className="note-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M5 2h2v20H5zm3 1h9l-2 4 2 4H8z" />
      </svg>
      <span className="note-text">{t('incidents.tile', { title })}</span>
    </p>
  );
});

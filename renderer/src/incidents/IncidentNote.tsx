import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import './incidents.css';

/**
 * The line on an affected queue's tile while its incident is open, in the team's place: the incident's
 * title, so the floor reads why these queues are red together. Note-sized, wraps, never cut; a flag, not
 * the warning triangle: the line says why, the tile's status says how bad.
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

import { useTranslation } from 'react-i18next';

export type SaveOutcome =
  | { kind: 'saved'; revision: number; applied: number }
  | { kind: 'conflict'; issues: readonly string[] }
  | { kind: 'failed'; code: string; issues: readonly string[] }
  /** The shared store did not commit the save: its own words say whether it stands (renderer/src/feed/store-refusal.ts). */
  | { kind: 'unrecorded'; text: string };

export interface SaveBarProps {
  changeCount: number;
  problemCount: number;
  /** Edited rows someone else changed since editing started. */
  changedUnderneath: number;
  busy: boolean;
  outcome: SaveOutcome | null;
  onSave: () => void;
  onDiscard: () => void;
  onReloadTheirs: () => void;
  onKeepMine: () => void;
}

/** Save and discard, with what happened to the last save in words. */
export function SaveBar({ changeCount, problemCount, changedUnderneath, busy, outcome, onSave, onDiscard, onReloadTheirs, onKeepMine }: SaveBarProps) {
  const { t } = useTranslation();
  const parts = [
    ...(changeCount > 0 ? [t('settings.save.changes', { count: changeCount })] : []),
    ...(problemCount > 0 ? [t('settings.save.problems', { count: problemCount })] : []),
  ];
  const summary = parts.length === 0 ? t('settings.save.none') : parts.join('; ');
  const showConflict = outcome?.kind === 'conflict' || changedUnderneath > 0;
  return (
    <div className="save-bar" data-testid="save-bar">
      <button type="button" className="primary" onClick={onSave} disabled={busy || changeCount === 0 || problemCount > 0}>
        {t(busy ? 'settings.save.saving' : 'settings.save.save')}
      </button>
      <button type="button" onClick={onDiscard} disabled={busy || (changeCount === 0 && problemCount === 0)}>
        {t('settings.save.discard')}
      </button>
      <span className="save-summary" aria-live="polite">{summary}</span>
      {outcome?.kind === 'saved' && (
        <span className="save-ok" role="status" data-testid="save-outcome" data-outcome="saved">
          {t('settings.save.saved', { revision: outcome.revision })}
        </span>
      )}
      {outcome?.kind === 'failed' && (
        <div className="save-error" role="alert" data-testid="save-outcome" data-outcome="failed">
          {t('settings.save.failed', { code: outcome.code })}
          <ul>{outcome.issues.map((issue) => <li key={issue}>{issue}</li>)}</ul>
        </div>
      )}
      {outcome?.kind === 'unrecorded' && (
        <div className="save-error" role="alert" data-testid="save-outcome" data-outcome="unrecorded">
          {outcome.text}
        </div>
      )}
      {showConflict && (
        <div className="save-conflict" role="alert" data-testid="save-conflict">
          {outcome?.kind === 'conflict' ? (
            <>
              {t('settings.save.conflict')}
              <ul>{outcome.issues.map((issue) => <li key={issue}>{issue}</li>)}</ul>
            </>
          ) : (
            <p>
              {t('settings.save.changedUnderneath', { count: changedUnderneath })}
            </p>
          )}
          <button type="button" onClick={onReloadTheirs}>{t('settings.save.reloadTheirs')}</button>
          <button type="button" onClick={onKeepMine}>{t('settings.save.keepMine')}</button>
        </div>
      )}
    </div>
  );
}

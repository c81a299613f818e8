export type SaveOutcome =
  | { kind: 'saved'; revision: number; applied: number }
  | { kind: 'conflict'; issues: readonly string[] }
  | { kind: 'failed'; code: string; issues: readonly string[] };

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
  const parts = [
    ...(changeCount > 0 ? [`${changeCount} unsaved ${changeCount === 1 ? 'change' : 'changes'}`] : []),
    ...(problemCount > 0 ? [`${problemCount} ${problemCount === 1 ? 'row' : 'rows'} to fix before saving`] : []),
  ];
  const summary = parts.length === 0 ? 'No unsaved changes' : parts.join('; ');
  const showConflict = outcome?.kind === 'conflict' || changedUnderneath > 0;
  return (
    <div className="save-bar" data-testid="save-bar">
      <button type="button" className="primary" onClick={onSave} disabled={busy || changeCount === 0 || problemCount > 0}>
        {busy ? 'Saving…' : 'Save'}
      </button>
      <button type="button" onClick={onDiscard} disabled={busy || (changeCount === 0 && problemCount === 0)}>
        Discard
      </button>
      <span className="save-summary" aria-live="polite">{summary}</span>
      {outcome?.kind === 'saved' && (
        <span className="save-ok" role="status" data-testid="save-outcome" data-outcome="saved">
          Saved — revision {outcome.revision}
        </span>
      )}
      {outcome?.kind === 'failed' && (
        <div className="save-error" role="alert" data-testid="save-outcome" data-outcome="failed">
          Not saved ({outcome.code}); nothing was changed:
          <ul>{outcome.issues.map((issue) => <li key={issue}>{issue}</li>)}</ul>
        </div>
      )}
      {showConflict && (
        <div className="save-conflict" role="alert" data-testid="save-conflict">
          {outcome?.kind === 'conflict' ? (
            <>
              Not saved: another manager changed these thresholds while you were editing. Your edits are kept.
              <ul>{outcome.issues.map((issue) => <li key={issue}>{issue}</li>)}</ul>
            </>
          ) : (
            <p>
              Someone else changed {changedUnderneath} of the rows you are editing (marked below). Saving now would be refused.
            </p>
          )}
          <button type="button" onClick={onReloadTheirs}>Reload their version</button>
          <button type="button" onClick={onKeepMine}>Keep mine over theirs</button>
        </div>
      )}
    </div>
  );
}

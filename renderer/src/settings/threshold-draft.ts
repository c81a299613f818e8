import { ThresholdOverrideSchema, type ThresholdOverride } from '../../../shared/health/threshold-model';
import { thresholdKeyId, thresholdKeyOf, thresholdValueOf, type ThresholdValue } from '../../../shared/health/threshold-record';
import type { StoredOverride, ThresholdChange, ThresholdKey, ThresholdState } from '../../../shared/protocol/admin-protocol';
import { ruleIssuesOf, type RuleField } from '../../../shared/health/rule-issues';
import { parseDuration, parseLevel } from './level-text';
import { ruleIssueText } from './rule-text';
import { ENGLISH, type Translate } from './translate';

/** What a manager has typed into one row, kept as text so half-typed values survive. */
export interface DraftFields {
  warning: string;
  critical: string;
  /** Empty: the gateway's default pending period. */
  pending: string;
}

export interface DraftEdit {
  key: ThresholdKey;
  fields: DraftFields;
  /** "Reset to inherited": remove this key's override. */
  remove: boolean;
  /** The stored version when editing started (null: there was none); a save sends it as expectedVersion. */
  baseVersion: number | null;
}

/** Unsaved edits by key id. */
export type Draft = Readonly<Record<string, DraftEdit>>;

export type DraftField = keyof DraftFields;
export interface EditProblem {
  field: DraftField | 'row';
  message: string;
}

/** What the pane edits of a threshold's value: the recovery period is kept as stored. */
export type EditedLevels = Pick<ThresholdValue, 'warning' | 'critical' | 'pendingSeconds'>;

export type EditCheck = { ok: true; value: EditedLevels | null } | { ok: false; problems: EditProblem[] };


export function storedByKey(state: ThresholdState | null): Map<string, StoredOverride> {
  return new Map((state?.overrides ?? []).map((o) => [thresholdKeyId(o), o]));
}

/**
 * Checks an edit with the same schema the gateway uses, so the pane names the same problems before a
 * save is even tried, in the manager's language (`t`). Problems are put against the field they concern.
 */
export function checkEdit(edit: DraftEdit, t: Translate = ENGLISH): EditCheck {
  if (edit.remove) return { ok: true, value: null };
  const { metric } = edit.key;
  const problems: EditProblem[] = [];
  const warning = parseLevel(metric, edit.fields.warning, 'warning', t);
  const critical = parseLevel(metric, edit.fields.critical, 'critical', t);
  if (!warning.ok) problems.push({ field: 'warning', message: warning.problem });
  if (!critical.ok) problems.push({ field: 'critical', message: critical.problem });
  let pendingSeconds: number | null = null;
  if (edit.fields.pending.trim() !== '') {
    pendingSeconds = parseDuration(edit.fields.pending);
    if (pendingSeconds === null) {
      problems.push({ field: 'pending', message: t('rules.notPeriod', { field: t('rules.field.pendingSeconds'), text: edit.fields.pending }) });
    }
  }
  if (!warning.ok || !critical.ok || problems.length > 0) return { ok: false, problems };
  const parsed = ThresholdOverrideSchema.safeParse({ ...edit.key, warning: warning.value, critical: critical.value, pendingSeconds });
  if (parsed.success) return { ok: true, value: { warning: warning.value, critical: critical.value, pendingSeconds } };
  return { ok: false, problems: ruleIssuesOf(parsed.error.issues).map((issue) => ({ field: DRAFT_FIELD[issue.field ?? 'row'], message: ruleIssueText(issue, metric, t) })) };
}

const DRAFT_FIELD: Readonly<Record<RuleField | 'row', EditProblem['field']>> = {
  warning: 'warning',
  critical: 'critical',
  pendingSeconds: 'pending',
  // The pane does not edit recovery periods: a problem with one belongs to the row.
  recoverySeconds: 'row',
  row: 'row',
};

/** A save's changes: every valid edit that changes something, with the version it started from. */
export function buildChanges(draft: Draft, state: ThresholdState | null): ThresholdChange[] {
  const stored = storedByKey(state);
  const changes: ThresholdChange[] = [];
  for (const [id, edit] of Object.entries(draft)) {
    const check = checkEdit(edit);
    if (!check.ok) continue;
    const current = stored.get(id);
    if (check.value === null) {
      if (edit.baseVersion !== null) changes.push({ key: edit.key, value: null, expectedVersion: edit.baseVersion });
      continue;
    }
    if (current && current.version === edit.baseVersion && sameLevels(current, check.value)) continue;
    const value = { ...check.value, recoverySeconds: current?.recoverySeconds ?? null };
    changes.push({ key: edit.key, value, expectedVersion: edit.baseVersion });
  }
  return changes;
}

function sameLevels(a: EditedLevels, b: EditedLevels): boolean {
  return a.warning === b.warning && a.critical === b.critical && a.pendingSeconds === b.pendingSeconds;
}

/** The overrides as they would be after saving: what the table and the preview judge by. */
export function editedOverrides(state: ThresholdState | null, draft: Draft): ThresholdOverride[] {
  const byKey = new Map<string, ThresholdOverride>();
  for (const o of state?.overrides ?? []) byKey.set(thresholdKeyId(o), toOverride(o, o));
  for (const [id, edit] of Object.entries(draft)) {
    const check = checkEdit(edit);
    if (!check.ok) continue;
    if (check.value === null) byKey.delete(id);
    else byKey.set(id, toOverride(edit.key, { ...check.value, recoverySeconds: byKey.get(id)?.recoverySeconds ?? null }));
  }
  return [...byKey.values()];
}

export function currentOverrides(state: ThresholdState | null): ThresholdOverride[] {
  return (state?.overrides ?? []).map((o) => toOverride(o, o));
}

function toOverride(key: ThresholdKey, value: ThresholdValue): ThresholdOverride {
  return { ...thresholdKeyOf(key), ...thresholdValueOf(value) };
}

/** Edits whose key was changed by someone else since editing started. */
export function conflictingEdits(draft: Draft, state: ThresholdState | null): Set<string> {
  const stored = storedByKey(state);
  return new Set(Object.entries(draft).filter(([id, edit]) => (stored.get(id)?.version ?? null) !== edit.baseVersion).map(([id]) => id));
}

export function setField(draft: Draft, key: ThresholdKey, field: DraftField, text: string, initial: DraftFields, baseVersion: number | null): Draft {
  const id = thresholdKeyId(key);
  const edit = draft[id];
  const fields = edit && !edit.remove ? edit.fields : initial;
  return { ...draft, [id]: { key, fields: { ...fields, [field]: text }, remove: false, baseVersion: edit ? edit.baseVersion : baseVersion } };
}

/** Sets the same levels on several keys (bulk edit). */
export function setMany(draft: Draft, keys: readonly ThresholdKey[], fields: DraftFields, baseVersionOf: (id: string) => number | null): Draft {
  const next: Record<string, DraftEdit> = { ...draft };
  for (const key of keys) {
    const id = thresholdKeyId(key);
    next[id] = { key, fields: { ...fields }, remove: false, baseVersion: draft[id]?.baseVersion ?? baseVersionOf(id) };
  }
  return next;
}

/** Reset to inherited: remove the stored override, or just forget an unsaved one. */
export function resetToInherited(draft: Draft, key: ThresholdKey, stored: StoredOverride | undefined): Draft {
  const id = thresholdKeyId(key);
  const next: Record<string, DraftEdit> = { ...draft };
  const base = draft[id]?.baseVersion ?? stored?.version ?? null;
  if (base === null) delete next[id];
  else next[id] = { key, fields: { warning: '', critical: '', pending: '' }, remove: true, baseVersion: base };
  return next;
}

export function dropEdits(draft: Draft, ids: Iterable<string>): Draft {
  const next: Record<string, DraftEdit> = { ...draft };
  for (const id of ids) delete next[id];
  return next;
}

/** "Keep mine": start the named edits from the current versions, so the next save deliberately replaces them. */
export function rebaseEdits(draft: Draft, ids: Iterable<string>, state: ThresholdState | null): Draft {
  const stored = storedByKey(state);
  const next: Record<string, DraftEdit> = { ...draft };
  for (const id of ids) if (next[id]) next[id] = { ...next[id], baseVersion: stored.get(id)?.version ?? null };
  return next;
}

import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../shared/model';
import { METRICS, type MetricId } from '../../../shared/metrics';
import { DEFAULT_THRESHOLD_STATE, type ThresholdKey } from '../../../shared/protocol/admin-protocol';
import { useCommands } from '../feed/commands-context';
import { connectionSelectors } from '../store/connection-slice';
import { feedSelectors } from '../store/feed-slice';
import { sessionSelectors } from '../store/session-slice';
import { useAppStore } from '../store/store-context';
import { useNow } from '../wall/use-now';
import { BulkEditBar } from './BulkEditBar';
import { ImportExport } from './ImportExport';
import { initialFields } from './LevelRowView';
import { formatDurationInput, unitHint } from './level-text';
import { MetricTabs, SETTINGS_METRICS } from './MetricTabs';
import { OverviewTable } from './OverviewTable';
import { changedUnderneathText, nameIssues } from './pane-text';
import { activeProfiles, previewQueues } from './preview';
import { PreviewPanel } from './PreviewPanel';
import { SaveBar, type SaveOutcome } from './SaveBar';
import { settingsSelectors } from './settings-selectors';
import {
  buildChanges,
  checkEdit,
  conflictingEdits,
  currentOverrides,
  dropEdits,
  editedOverrides,
  rebaseEdits,
  resetToInherited,
  setField,
  setMany,
  storedByKey,
  type Draft,
  type EditProblem,
} from './threshold-draft';
import { buildTableModel } from './threshold-rows';
import { ThresholdTable } from './ThresholdTable';
import { storeRefusalText } from '../feed/store-refusal';

/** Container: the thresholds table with its draft, bulk edit, preview and save. Managers edit; others read. */
export function ThresholdsPane({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const commands = useCommands();
  const offices = useAppStore(feedSelectors.offices);
  const queues = useAppStore(feedSelectors.queues);
  const states = useAppStore(settingsSelectors.states);
  const thresholds = useAppStore(sessionSelectors.thresholds);
  const offset = useAppStore(connectionSelectors.clockOffsetMs);
  const now = useNow(60_000, offset);
  const [shown, setShown] = useState<MetricId | 'overview'>('backlog');
  const metric: MetricId = shown === 'overview' ? 'backlog' : shown;
  const [profile, setProfile] = useState('');
  const [shownOffice, setShownOffice] = useState('');
  const [draft, setDraft] = useState<Draft>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);

  const hasEdits = Object.keys(draft).length > 0;
  // Closing or reloading the page with unsaved edits asks first.
  useEffect(() => {
    if (!hasEdits) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasEdits]);

  const settings = thresholds ?? DEFAULT_THRESHOLD_STATE;
  const stored = useMemo(() => storedByKey(thresholds), [thresholds]);
  const saved = useMemo(() => currentOverrides(thresholds), [thresholds]);
  const edited = useMemo(() => editedOverrides(thresholds, draft), [thresholds, draft]);
  const shownOffices = useMemo(() => (shownOffice ? offices.filter((o) => o.id === shownOffice) : offices), [offices, shownOffice]);
  const model = useMemo(() => buildTableModel(shownOffices, queues, edited, metric, profile, t), [shownOffices, queues, edited, metric, profile, t]);
  const savedModel = useMemo(() => buildTableModel(offices, queues, saved, metric, profile, t), [offices, queues, saved, metric, profile, t]);
  const overview = useMemo(
    () => (shown === 'overview' ? Object.fromEntries(SETTINGS_METRICS.slice(0, 6).map((m) => [m, buildTableModel(shownOffices, queues, edited, m, profile, t)])) : {}),
    [shown, shownOffices, queues, edited, profile, t],
  );
  const profileOf = useMemo(() => activeProfiles(offices, settings.profiles, now), [offices, settings.profiles, now]);
  const previews = useMemo(() => previewQueues(queues, states, saved, edited, profileOf), [queues, states, saved, edited, profileOf]);

  const problems: Record<string, EditProblem[]> = {};
  const editsPerMetric: Partial<Record<MetricId, number>> = {};
  for (const [id, edit] of Object.entries(draft)) {
    const check = checkEdit(edit, t);
    if (!check.ok) problems[id] = check.problems;
    editsPerMetric[edit.key.metric] = (editsPerMetric[edit.key.metric] ?? 0) + 1;
  }
  const conflictIds = conflictingEdits(draft, thresholds);
  const conflicts = Object.fromEntries([...conflictIds].map((id) => [id, changedUnderneathText(stored.get(id), t)]));
  const changes = buildChanges(draft, thresholds);
  const values = Object.fromEntries(queues.map((q) => [q.id, states[q.id]?.metrics[metric] ?? null]));
  const profileName = (id: string) => settings.profiles.find((p) => p.id === id)?.name ?? id;
  const base = (id: string) => stored.get(id)?.version ?? null;
  const edit = (next: Draft) => {
    setDraft(next);
    if (outcome?.kind === 'saved') setOutcome(null);
  };

  async function save() {
    setBusy(true);
    setOutcome(null);
    const result = await commands.saveThresholds({ changes });
    setBusy(false);
    // A pending save was made on the gateway (only not yet in the shared store): the edits are no longer a draft.
    if (result.ok || result.code === 'store-pending') {
      setDraft({});
      setSelected(new Set());
    }
    if (result.ok) {
      setOutcome({ kind: 'saved', revision: result.revision, applied: result.applied });
    } else {
      const issues = nameIssues(result.issues, changes, offices, queues, t);
      const unrecorded = storeRefusalText(result, t);
      if (unrecorded) setOutcome({ kind: 'unrecorded', text: unrecorded });
      else setOutcome(result.code === 'conflict' ? { kind: 'conflict', issues } : { kind: 'failed', code: result.code, issues });
    }
  }

  const selectGroup = (officeId: string, channel: Channel | '') =>
    setSelected(new Set(queues.filter((q) => (!officeId || q.officeId === officeId) && (!channel || q.channel === channel)).map((q) => q.id)));
  const queueKey = (queueId: string): ThresholdKey => ({ scope: 'queue', scopeId: queueId, metric, profile });

  return (
    <div className="thresholds-pane">
      <div className="pane-toolbar">
        <MetricTabs metric={shown} edits={editsPerMetric} onChange={setShown} />
        <label className="profile-select">
          {t('settings.toolbar.show')}
          <select value={shownOffice} onChange={(e) => setShownOffice(e.target.value)}>
            <option value="">{t('settings.toolbar.everyOffice')}</option>
            {offices.map((o) => (
              <option key={o.id} value={o.id}>{t('settings.toolbar.officeOnly', { name: o.name })}</option>
            ))}
          </select>
        </label>
        {settings.profiles.length > 0 && (
          <label className="profile-select">
            {t('settings.toolbar.profile')}
            <select value={profile} onChange={(e) => setProfile(e.target.value)}>
              <option value="">{t('settings.toolbar.always')}</option>
              {settings.profiles.map((p) => (
                <option key={p.id} value={p.id}>{t('settings.toolbar.profileOption', { name: p.name, from: p.from, to: p.to })}</option>
              ))}
            </select>
          </label>
        )}
        <ImportExport canImport={canEdit} hasEdits={hasEdits} />
      </div>
      {canEdit && (
        <SaveBar
          changeCount={changes.length}
          problemCount={Object.keys(problems).length}
          changedUnderneath={conflictIds.size}
          busy={busy}
          outcome={outcome}
          onSave={() => void save()}
          onDiscard={() => {
            setDraft({});
            setOutcome(null);
          }}
          onReloadTheirs={() => {
            setDraft(dropEdits(draft, conflictIds));
            setOutcome(null);
          }}
          onKeepMine={() => {
            setDraft(rebaseEdits(draft, conflictIds, thresholds));
            setOutcome(null);
          }}
        />
      )}
      {shown === 'overview' ? (
        <OverviewTable
          metrics={SETTINGS_METRICS.slice(0, 6)}
          models={overview}
          offices={offices}
          edited={new Set(Object.keys(draft))}
          profileName={profileName}
          onOpen={setShown}
        />
      ) : (
        <>
          <p className="hint table-legend" data-testid="table-legend">
            {t('settings.legend', {
              metric: t(`metric.${metric}`),
              direction: t(`settings.direction.${METRICS[metric].direction}`),
              unit: unitHint(metric, t),
              pending: formatDurationInput(settings.pendingSeconds),
            })}
          </p>
          <div className={`pane-body${canEdit ? '' : ' pane-body-read-only'}`}>
            <ThresholdTable
              metric={metric}
              model={model}
              savedModel={savedModel}
              offices={offices}
              draft={draft}
              problems={problems}
              conflicts={conflicts}
              storedIds={new Set(stored.keys())}
              values={values}
              canEdit={canEdit}
              selected={selected}
              defaultPendingSeconds={settings.pendingSeconds}
              profileName={profileName}
              onSelect={(ids, on) => {
                const next = new Set(selected);
                for (const id of ids) {
                  if (on) next.add(id);
                  else next.delete(id);
                }
                setSelected(next);
              }}
              onField={(row, field, text) => edit(setField(draft, row.key, field, text, initialFields(row, metric), base(row.id)))}
              onReset={(row) => edit(resetToInherited(draft, row.key, stored.get(row.id)))}
              onUndo={(row) => edit(dropEdits(draft, [row.id]))}
            />
            {canEdit && (
              <aside className="pane-side">
                <PreviewPanel previews={previews} offices={offices} hasEdits={hasEdits} />
                <BulkEditBar
                  metric={metric}
                  offices={offices}
                  channels={CHANNELS.filter((c) => queues.some((q) => q.channel === c))}
                  selectedCount={selected.size}
                  onSelectGroup={selectGroup}
                  onClearSelection={() => setSelected(new Set())}
                  onApply={(fields) => edit(setMany(draft, [...selected].map(queueKey), fields, base))}
                />
              </aside>
            )}
          </div>
        </>
      )}
    </div>
  );
}

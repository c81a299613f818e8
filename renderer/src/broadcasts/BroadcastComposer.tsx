import { useTranslation } from 'react-i18next';
import type { Office, Queue, QueueGroup } from '../../../shared/model';
import { BROADCAST_LANGUAGES, BROADCAST_SEVERITIES, MAX_BROADCAST_TEXT, type BroadcastLanguage } from '../../../shared/protocol/broadcast-protocol';
import type { AudienceKind, BroadcastDraft } from './broadcast-draft';

export interface BroadcastComposerProps {
  draft: BroadcastDraft;
  onChange: (draft: BroadcastDraft) => void;
  onPost: () => void;
  /** Every screen and whole offices are the manager's; a lead posts to the groups they own. */
  manager: boolean;
  offices: readonly Office[];
  /** The groups this person may post to. */
  groups: readonly QueueGroup[];
  queues: readonly Queue[];
  posting: boolean;
  /** What the gateway said of the last post: done, or its refusal in words. */
  /** `notice`: the whole line when the shared store did not commit it (renderer/src/feed/store-refusal.ts). */
  outcome: { ok: true } | { ok: false; issues: string[]; notice?: string | null } | null;
  /** A configured name in the desk's language. */
  nameOf: (named: Office | Queue) => string;
}

const TEXT_LABEL: Record<BroadcastLanguage, string> = { en: 'broadcasts.composer.textEn', pt: 'broadcasts.composer.textPt', nl: 'broadcasts.composer.textNl' };

/** The desk's form for a banner on the walls: text (one or per language), severity, audience, times, linked queues. */
export function BroadcastComposer({ draft, onChange, onPost, manager, offices, groups, queues, posting, outcome, nameOf }: BroadcastComposerProps) {
  const { t } = useTranslation();
  const set = (change: Partial<BroadcastDraft>) => onChange({ ...draft, ...change });
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const kinds: AudienceKind[] = manager ? ['all', 'offices', 'groups'] : ['groups'];
  const counter = (value: string) => t('broadcasts.composer.characters', { used: value.trim().length, max: MAX_BROADCAST_TEXT });
  return (
    // noValidate: the gateway checks every field and names the field and the rule, in one place for every client.
    <form className="broadcast-composer" noValidate aria-label={t('broadcasts.composer.heading')} onSubmit={(e) => { e.preventDefault(); onPost(); }}>
      <h3>{t('broadcasts.composer.heading')}</h3>
      <label className="desk-check">
        <input type="checkbox" checked={draft.perLanguage} onChange={(e) => set({ perLanguage: e.target.checked })} />
        {t('broadcasts.composer.perLanguage')}
      </label>
      {draft.perLanguage ? (
        BROADCAST_LANGUAGES.map((language) => (
          <div key={language} className="broadcast-text-field">
            <label>
              {t(TEXT_LABEL[language])}
              <input type="text" value={draft.texts[language]} onChange={(e) => set({ texts: { ...draft.texts, [language]: e.target.value } })} />
            </label>
            <span className="desk-hint">{counter(draft.texts[language])}</span>
          </div>
        ))
      ) : (
        <div className="broadcast-text-field">
          <label>
            {t('broadcasts.composer.text')}
            <input type="text" value={draft.text} onChange={(e) => set({ text: e.target.value })} />
          </label>
          <span className="desk-hint">{counter(draft.text)}</span>
        </div>
      )}
      <div className="broadcast-row">
        <label>
          {t('broadcasts.composer.severity')}
          <select value={draft.severity} onChange={(e) => set({ severity: e.target.value as BroadcastDraft['severity'] })}>
            {BROADCAST_SEVERITIES.map((s) => <option key={s} value={s}>{t(`broadcasts.severity.${s}`)}</option>)}
          </select>
        </label>
        <label>
          {t('broadcasts.composer.audience')}
          <select value={draft.audience} onChange={(e) => set({ audience: e.target.value as AudienceKind })}>
            {kinds.map((k) => <option key={k} value={k}>{t(`broadcasts.composer.audience${k === 'all' ? 'All' : k === 'offices' ? 'Offices' : 'Groups'}`)}</option>)}
          </select>
        </label>
        <label>
          {t('broadcasts.composer.startsAt')}
          <input type="datetime-local" value={draft.startsAt} onChange={(e) => set({ startsAt: e.target.value })} />
        </label>
        <label>
          {t('broadcasts.composer.endsAt')}
          <input type="datetime-local" value={draft.endsAt} onChange={(e) => set({ endsAt: e.target.value })} />
        </label>
      </div>
      {draft.audience === 'offices' && (
        <fieldset className="broadcast-choices">
          <legend>{t('broadcasts.composer.audienceOffices')}</legend>
          {offices.map((o) => (
            <label key={o.id} className="desk-check">
              <input type="checkbox" checked={draft.officeIds.includes(o.id)} onChange={(e) => set({ officeIds: toggle(draft.officeIds, o.id, e.target.checked) })} />
              {nameOf(o)}
            </label>
          ))}
        </fieldset>
      )}
      {draft.audience === 'groups' && (
        <fieldset className="broadcast-choices">
          <legend>{t('broadcasts.composer.audienceGroups')}</legend>
          {groups.length === 0 && <span className="desk-hint">{t('broadcasts.composer.noOwnedGroups')}</span>}
          {groups.map((g) => (
            <label key={g.id} className="desk-check">
              <input type="checkbox" checked={draft.groupIds.includes(g.id)} onChange={(e) => set({ groupIds: toggle(draft.groupIds, g.id, e.target.checked) })} />
              {g.name}
            </label>
          ))}
        </fieldset>
      )}
      <label>
        {t('broadcasts.composer.linkedQueues')}
        <select multiple value={draft.linkedQueueIds} onChange={(e) => set({ linkedQueueIds: [...e.target.selectedOptions].map((o) => o.value) })}>
          {queues.map((q) => <option key={q.id} value={q.id}>{nameOf(q)}</option>)}
        </select>
      </label>
      <button type="submit" className="action-button action-primary" disabled={posting}>
        {posting ? t('broadcasts.composer.posting') : t('broadcasts.composer.post')}
      </button>
      {outcome?.ok && <p className="desk-hint" role="status">{t('broadcasts.composer.posted')}</p>}
      {outcome && !outcome.ok && <p className="desk-problem" role="alert">{outcome.notice ?? t('broadcasts.list.refused', { issues: outcome.issues.join('; ') })}</p>}
    </form>
  );
}

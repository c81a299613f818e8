import './broadcasts.css';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { byUrgency } from '../../../shared/broadcasts/broadcast-view';
import type { Broadcast } from '../../../shared/protocol/broadcast-protocol';
import { createTranslator, languageOf } from '../../../shared/i18n/translator';
import { useDeskServices } from '../desk/desk-services-context';
import { useCommands } from '../feed/commands-context';
import { localName } from '../format/local-name';
import { feedSelectors } from '../store/feed-slice';
import { sessionSelectors } from '../store/session-slice';
import { useAppStore } from '../store/store-context';
import { BroadcastArrivals } from './broadcast-arrivals';
import { draftRequest, mayChange, newDraft, postableGroups, type BroadcastDraft } from './broadcast-draft';
import { broadcastSelectors } from './broadcast-slice';
import { BroadcastComposer, type BroadcastComposerProps } from './BroadcastComposer';
import { BroadcastList } from './BroadcastList';
import { storeRefusalText } from '../feed/store-refusal';

const EXTEND_MS = 15 * 60_000;

type Outcome = BroadcastComposerProps['outcome'];

/** Container: the desk's broadcasts (list, and the composer for leads and managers) and their notifications. */
export function DeskBroadcasts({ language, locale }: { language: string; locale: string }) {
  const { t } = useTranslation();
  const commands = useCommands();
  const session = useAppStore(sessionSelectors.session);
  const offices = useAppStore(feedSelectors.offices);
  const queues = useAppStore(feedSelectors.queues);
  const groups = useAppStore(feedSelectors.groups);
  const broadcasts = useAppStore(broadcastSelectors.all);
  const role = session?.role ?? null;
  const name = session?.name ?? null;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  // Folded away until asked for: the queues and alerts are what a desk is for most of the day.
  const [composing, setComposing] = useState(false);
  useBroadcastNotifications();

  const sorted = useMemo(() => [...broadcasts].sort(byUrgency), [broadcasts]);
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }), [locale]);
  const run = async (send: () => Promise<{ ok: boolean; issues?: string[] }>): Promise<boolean> => {
    setBusy(true);
    const answer = await send();
    setBusy(false);
    setOutcome(answer.ok ? { ok: true } : { ok: false, issues: answer.issues ?? [], notice: storeRefusalText(answer, t) });
    return answer.ok;
  };
  const describeAudience = (b: Broadcast) => {
    if (b.audience.kind === 'all') return t('broadcasts.list.everyScreen');
    if (b.audience.kind === 'offices') {
      const ids = b.audience.officeIds;
      return t('broadcasts.list.offices', { names: offices.filter((o) => ids.includes(o.id)).map((o) => localName(o, language)).join(', ') });
    }
    const ids = b.audience.groupIds;
    return t('broadcasts.list.groups', { names: groups.filter((g) => ids.includes(g.id)).map((g) => g.name).join(', ') });
  };

  return (
    <section className="desk-broadcasts" aria-labelledby="desk-broadcasts-heading">
      <h2 id="desk-broadcasts-heading">{t('broadcasts.list.heading')}</h2>
      <BroadcastList
        broadcasts={sorted}
        language={language}
        formatTime={(at) => time.format(at)}
        describeAudience={describeAudience}
        queueNames={(ids) => queues.filter((q) => ids.includes(q.id)).map((q) => localName(q, language)).join(', ')}
        mayChange={(b) => mayChange(b, role, name, groups)}
        onEnd={(b) => void run(() => commands.endBroadcast(b.id))}
        onExtend={(b) => void run(() => commands.editBroadcast({ broadcastId: b.id, endsAt: b.endsAt + EXTEND_MS }))}
        busy={busy}
      />
      {(role === 'lead' || role === 'manager') && (
        <button type="button" className="action-button broadcast-compose-toggle" aria-expanded={composing} onClick={() => { setComposing(!composing); setOutcome(null); }}>
          {composing ? t('broadcasts.composer.close') : t('broadcasts.composer.open')}
        </button>
      )}
      {composing && (role === 'lead' || role === 'manager') && (
        // Keyed by role: the draft is made once the session is known, so a manager's starts at every screen.
        <Composer key={role} role={role} post={(request) => run(() => commands.postBroadcast(request))}>
          {(draft, setDraft, onPost) => (
            <BroadcastComposer
              draft={draft}
              onChange={setDraft}
              onPost={onPost}
              manager={role === 'manager'}
              offices={offices}
              groups={postableGroups(groups, role, name)}
              queues={queues}
              posting={busy}
              outcome={outcome}
              nameOf={(named) => localName(named, language)}
            />
          )}
        </Composer>
      )}
    </section>
  );
}

interface ComposerProps {
  role: 'lead' | 'manager';
  /** Sends the request; resolves true when the gateway took it. */
  post: (request: ReturnType<typeof draftRequest>) => Promise<boolean>;
  children: (draft: BroadcastDraft, setDraft: (draft: BroadcastDraft) => void, onPost: () => void) => ReactNode;
}

/** Holds the composer's draft: a fresh one after each broadcast the gateway took. */
function Composer({ role, post, children }: ComposerProps) {
  const [draft, setDraft] = useState(() => newDraft(Date.now(), role));
  const onPost = () => void post(draftRequest(draft)).then((ok) => ok && setDraft(newDraft(Date.now(), role)));
  return children(draft, setDraft, onPost);
}

/** Tells the lead of each broadcast that comes onto the walls while the desk is live (the app's notification, or the browser's). */
function useBroadcastNotifications(): void {
  const { notifyBroadcast } = useDeskServices();
  const broadcasts = useAppStore(broadcastSelectors.all);
  const live = useAppStore((s) => s.connection.status === 'live');
  const arrivals = useRef(new BroadcastArrivals());
  const { i18n } = useTranslation();
  useEffect(() => {
    if (!live) return;
    const translator = createTranslator(languageOf(i18n.language));
    for (const b of arrivals.current.observe(broadcasts)) notifyBroadcast({ broadcastId: b.id, severity: b.severity, text: b.text }, translator);
  }, [broadcasts, live, notifyBroadcast, i18n.language]);
}

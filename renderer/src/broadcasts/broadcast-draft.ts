import type { Role } from '../../../shared/protocol/admin-protocol';
import { BROADCAST_LANGUAGES, type Broadcast, type BroadcastLanguage, type BroadcastSeverity } from '../../../shared/protocol/broadcast-protocol';
import type { CommandRequest } from '../../../shared/protocol/commands';
import type { QueueGroup } from '../../../shared/model';

export type AudienceKind = 'all' | 'offices' | 'groups';

/** The composer's fields as typed; the gateway checks the request they make (and names any bad field). */
export interface BroadcastDraft {
  perLanguage: boolean;
  text: string;
  texts: Record<BroadcastLanguage, string>;
  severity: BroadcastSeverity;
  audience: AudienceKind;
  officeIds: string[];
  groupIds: string[];
  /** `datetime-local` values in this computer's time zone; an empty start means now. */
  startsAt: string;
  endsAt: string;
  linkedQueueIds: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a `datetime-local` value, in this computer's time zone. */
export function toLocalInput(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value read in this computer's time zone; undefined when empty or not a time. */
function fromLocalInput(value: string): number | undefined {
  const at = value ? new Date(value).getTime() : NaN;
  return Number.isFinite(at) ? at : undefined;
}

/** A fresh draft: half an hour from now; a manager starts at every screen, a lead at the groups they own. */
export function newDraft(now: number, role: Role | null): BroadcastDraft {
  return {
    perLanguage: false,
    text: '',
    texts: { en: '', pt: '', nl: '' },
    severity: 'info',
    audience: role === 'manager' ? 'all' : 'groups',
    officeIds: [],
    groupIds: [],
    startsAt: '',
    endsAt: toLocalInput(now + 30 * 60_000),
    linkedQueueIds: [],
  };
}

/** What the draft asks the gateway for; an empty field is left out so the gateway names it. */
export function draftRequest(draft: BroadcastDraft): CommandRequest<'broadcast:post'> {
  const texts = Object.fromEntries(BROADCAST_LANGUAGES.filter((l) => draft.texts[l].trim() !== '').map((l) => [l, draft.texts[l]]));
  const audience =
    draft.audience === 'all' ? { kind: 'all' as const } : draft.audience === 'offices' ? { kind: 'offices' as const, officeIds: draft.officeIds } : { kind: 'groups' as const, groupIds: draft.groupIds };
  const startsAt = fromLocalInput(draft.startsAt);
  const endsAt = fromLocalInput(draft.endsAt);
  return {
    text: draft.perLanguage ? texts : draft.text,
    severity: draft.severity,
    audience,
    ...(startsAt === undefined ? {} : { startsAt }),
    ...(endsAt === undefined ? {} : { endsAt }),
    linkedQueueIds: draft.linkedQueueIds,
  } as CommandRequest<'broadcast:post'>;
}

/** The groups this person may post to: all for a manager, their own for a lead. */
export function postableGroups(groups: readonly QueueGroup[], role: Role | null, name: string | null): QueueGroup[] {
  if (role === 'manager') return [...groups];
  return groups.filter((g) => name !== null && g.owners?.includes(name));
}

/** Whether this person may end or extend a broadcast: a manager any, a lead one whose groups they all own. */
export function mayChange(broadcast: Broadcast, role: Role | null, name: string | null, groups: readonly QueueGroup[]): boolean {
  if (role === 'manager') return true;
  if (role !== 'lead' || broadcast.audience.kind !== 'groups') return false;
  const own = new Set(postableGroups(groups, role, name).map((g) => g.id));
  return broadcast.audience.groupIds.every((id) => own.has(id));
}

import type { Role } from '../../shared/protocol/admin-protocol';
import { BROADCAST_START_SLACK_MS, MAX_BROADCAST_AHEAD_MS, type Audience } from '../../shared/protocol/broadcast-protocol';
import type { QueueGroup } from '../../shared/model';
import type { BroadcastContent } from './broadcast-record';

/** What a broadcast may name, fixed when the gateway is built. */
export interface BroadcastWorld {
  officeIds: readonly string[];
  queues: readonly { id: string; officeId: string }[];
  groups: readonly QueueGroup[];
}

const DAYS_AHEAD = MAX_BROADCAST_AHEAD_MS / 86_400_000;
const iso = (at: number) => new Date(at).toISOString();

/**
 * Every problem with a broadcast's content, each naming the field and the rule. `keptStart` is the start
 * of the broadcast being edited: an unchanged start may lie in the past (it has been on the walls since).
 */
export function contentProblems(content: BroadcastContent, world: BroadcastWorld, now: number, keptStart?: number): string[] {
  const issues: string[] = [];
  const clock = `the gateway's clock reads ${iso(now)}`;
  if (content.startsAt !== keptStart && content.startsAt < now - BROADCAST_START_SLACK_MS) issues.push(`startsAt: must not be in the past (${clock})`);
  if (content.startsAt > now + MAX_BROADCAST_AHEAD_MS) issues.push(`startsAt: must be at most ${DAYS_AHEAD} days ahead (${clock})`);
  if (content.endsAt <= content.startsAt) issues.push(`endsAt: must be after startsAt (${iso(content.startsAt)})`);
  else if (content.endsAt <= now) issues.push(`endsAt: must not be in the past (${clock})`);
  if (content.endsAt > now + MAX_BROADCAST_AHEAD_MS) issues.push(`endsAt: must be at most ${DAYS_AHEAD} days ahead (${clock})`);
  issues.push(...audienceProblems(content.audience, world));
  const queueIds = new Set(world.queues.map((q) => q.id));
  content.linkedQueueIds.forEach((id, i) => {
    if (!queueIds.has(id)) issues.push(`linkedQueueIds[${i}]: names queue "${id}", which is not among the queues`);
  });
  return issues;
}

function audienceProblems(audience: Audience, world: BroadcastWorld): string[] {
  if (audience.kind === 'offices') {
    return audience.officeIds.flatMap((id, i) =>
      world.officeIds.includes(id) ? [] : [`audience.officeIds[${i}]: names office "${id}", which is not among the offices (${world.officeIds.join(', ')})`],
    );
  }
  if (audience.kind === 'groups') {
    const known = world.groups.map((g) => g.id);
    return audience.groupIds.flatMap((id, i) =>
      known.includes(id) ? [] : [`audience.groupIds[${i}]: names queue group "${id}", which is not among the groups (${known.join(', ') || 'none configured'})`],
    );
  }
  return [];
}

/** Why this person may not address this audience, or nothing: managers may address anyone, leads the groups they own. */
export function audienceRefusals(audience: Audience, actor: string, role: Role, groups: readonly QueueGroup[]): string[] {
  if (role === 'manager') return [];
  const owned = groups.filter((g) => g.owners?.includes(actor)).map((g) => g.id);
  if (audience.kind !== 'groups') {
    return [`audience: a lead may post only to the queue groups they own (${actor}: ${owned.join(', ') || 'none'}); every screen or whole offices need the manager role`];
  }
  return audience.groupIds.flatMap((id, i) => {
    const group = groups.find((g) => g.id === id);
    if (!group || group.owners?.includes(actor)) return [];
    return [`audience.groupIds[${i}]: ${actor} does not own the queue group "${id}" (owners: ${group.owners?.join(', ') || 'none'}); a manager may post to it`];
  });
}

/** The queues whose screens a broadcast reaches. */
export function reachedQueues(audience: Audience, world: BroadcastWorld): string[] {
  if (audience.kind === 'all') return world.queues.map((q) => q.id);
  if (audience.kind === 'offices') return world.queues.filter((q) => audience.officeIds.includes(q.officeId)).map((q) => q.id);
  const ids = new Set(world.groups.filter((g) => audience.groupIds.includes(g.id)).flatMap((g) => g.queueIds));
  return world.queues.filter((q) => ids.has(q.id)).map((q) => q.id);
}

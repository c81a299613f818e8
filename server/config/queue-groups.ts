import { z } from 'zod';
import { ChannelSchema, SlugSchema, type Queue, type QueueGroup } from '../../shared/model';

/** Whether a group says which queues it holds at all (else the schema names the group, not its emptiness). */
function hasRule(group: { queues?: unknown; channels?: unknown; teams?: unknown }): boolean {
  return group.queues !== undefined || group.channels !== undefined || group.teams !== undefined;
}

/**
 * A queue group in the configuration: a name and a rule. A queue belongs to the group when it is listed
 * in `queues`, OR its channel is among `channels`, OR its team's name is among `teams`; so
 * `{ channels: [trustpilot, facebook, instagram, x, linkedin] }` is the social desk across every office,
 * and `{ teams: [Tagus Contact, Rhine Support] }` the outsourced partners.
 */
export const QueueGroupConfigSchema = z
  .object({
    id: SlugSchema,
    name: z.string().min(1).max(80),
    queues: z.array(SlugSchema).min(1).optional(),
    channels: z.array(ChannelSchema).min(1).optional(),
    teams: z.array(z.string().min(1).max(80)).min(1).optional(),
    /** Who may post broadcasts to the group with a lead token: names of token holders (`auth.tokens[].name`). */
    owners: z.array(z.string().trim().min(1).max(80)).max(50).default([]),
  })
  .strict()
  .refine(hasRule, {
    message: 'must say which queues it holds: queues, channels or teams (any of them)',
  });
export type QueueGroupConfig = z.infer<typeof QueueGroupConfigSchema>;

/** The queue ids of each group, in the configuration's queue order. */
export function resolveQueueGroups(groups: readonly QueueGroupConfig[], queues: readonly Queue[]): QueueGroup[] {
  return groups.map((group) => ({
    id: group.id,
    name: group.name,
    queueIds: queues
      .filter((q) => group.queues?.includes(q.id) || group.channels?.includes(q.channel) || group.teams?.includes(q.team.name))
      .map((q) => q.id),
    owners: [...group.owners],
  }));
}

/** The token holders a group's owners may name: their name and role (`auth.tokens`). */
export interface TokenHolder {
  name: string;
  role: string;
}

/**
 * Names every reference to a queue, team or owner that does not exist, and every group that would be
 * empty. An owner must hold a lead or manager token: a display token could never post to the group.
 */
export function checkQueueGroups(groups: readonly QueueGroupConfig[], queues: readonly Queue[], ctx: z.RefinementCtx, holders: readonly TokenHolder[] = []): void {
  const queueIds = new Set(queues.map((q) => q.id));
  const teams = [...new Set(queues.map((q) => q.team.name))];
  const seen = new Set<string>();
  groups.forEach((group, index) => {
    if (seen.has(group.id)) ctx.addIssue({ code: 'custom', path: ['groups', index, 'id'], message: `duplicates id "${group.id}"` });
    seen.add(group.id);
    group.queues?.forEach((id, i) => {
      if (!queueIds.has(id)) ctx.addIssue({ code: 'custom', path: ['groups', index, 'queues', i], message: `names queue "${id}", which is not among the queues` });
    });
    group.teams?.forEach((name, i) => {
      if (!teams.includes(name)) {
        ctx.addIssue({ code: 'custom', path: ['groups', index, 'teams', i], message: `names team "${name}", which no queue has (teams: ${teams.join(', ')})` });
      }
    });
    group.owners.forEach((name, i) => {
      const holder = holders.find((h) => h.name === name);
      if (!holder) {
        const known = holders.map((h) => h.name).join(', ') || 'none';
        ctx.addIssue({ code: 'custom', path: ['groups', index, 'owners', i], message: `names "${name}", who holds no token (auth.tokens names: ${known})` });
      } else if (holder.role === 'display') {
        ctx.addIssue({ code: 'custom', path: ['groups', index, 'owners', i], message: `names "${name}", whose token has the display role: an owner needs a lead token to post to the group` });
      }
    });
    if (hasRule(group) && resolveQueueGroups([group], queues)[0]!.queueIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['groups', index], message: 'holds no queue: its rule matches none of the configured queues' });
    }
  });
}

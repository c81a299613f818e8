import { isQuiet } from '../../shared/desk/notification-rules';
import { localClock } from '../../shared/health/threshold-model';
import type { Office, QueueGroup } from '../../shared/model';
import type { WebhookRoute } from '../config/webhooks-config';
import { severityRank, type OutboundEvent } from './outbound-event';
import type { ResolvedWebhookTarget } from './webhook-targets';

/**
 * Whether a route lets an event through: its kind, a severity at least the route's minimum, and (when the
 * route names groups) a queue in one of them or the group itself as the audience. An event about no queue
 * and no group concerns the whole floor and passes any group condition.
 */
export function routeMatches(route: WebhookRoute, event: OutboundEvent, groups: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  if (route.kinds && !route.kinds.includes(event.kind)) return false;
  if (severityRank(event.severity) < severityRank(route.minSeverity)) return false;
  if (!route.groups) return true;
  if (event.queueIds.length === 0 && event.groupIds.length === 0) return true;
  return route.groups.some((groupId) => event.groupIds.includes(groupId) || event.queueIds.some((queueId) => groups.get(groupId)?.has(queueId)));
}

/** Each group's queue ids as a set, resolved once. */
export function groupIndex(groups: readonly QueueGroup[]): Map<string, ReadonlySet<string>> {
  return new Map(groups.map((group) => [group.id, new Set(group.queueIds)]));
}

/** A target's quiet hours as a test of an instant, in its office's time zone (the only office's when it names none). */
export function quietHoursOf(target: ResolvedWebhookTarget, offices: readonly Office[]): (wallNow: number) => boolean {
  const hours = target.quietHours;
  if (!hours) return () => false;
  const office = offices.find((o) => o.id === hours.officeId) ?? offices[0]!;
  const local = localClock(office.timeZone);
  const settings = { enabled: true, start: hours.start, end: hours.end, mode: 'suppress' as const };
  return (wallNow) => isQuiet(local(wallNow).minuteOfDay, settings);
}

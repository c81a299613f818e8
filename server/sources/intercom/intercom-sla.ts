import { firstAdminReplyAt, type Conversation } from './intercom-api';
import type { IntercomSlaTargets } from './intercom-config';

/**
 * Whether an open or snoozed conversation is in breach of its SLA now. Intercom's own `missed` counts first;
 * but Intercom sets `missed` only at the teammate reply that comes late, so an open conversation still waiting
 * past a target of its SLA (`active` or `hit`, the targets configured as slaTargets) counts too. No SLA, or one
 * removed by hand (sla_status null or `cancelled`), is no breach. Snoozed conversations count only when missed:
 * nobody owes them a reply until they wake.
 */
export function isSlaBreached(conversation: Conversation, targets: IntercomSlaTargets | undefined, now: number): boolean {
  const status = conversation.sla_applied?.sla_status ?? null;
  if (status === 'missed') return true;
  if (status === null || status === 'cancelled' || !targets || conversation.state !== 'open') return false;
  const firstReply = firstAdminReplyAt(conversation);
  const seconds = (s: number | undefined) => (s === undefined ? null : s * 1000);
  const firstReplyDue = firstReply === null ? after(conversation.created_at, seconds(targets.firstReplySeconds)) : null;
  const nextReplyDue = firstReply !== null && conversation.waiting_since != null ? after(conversation.waiting_since, seconds(targets.nextReplySeconds)) : null;
  const closeDue = after(conversation.created_at, seconds(targets.timeToCloseSeconds));
  return [firstReplyDue, nextReplyDue, closeDue].some((due) => due !== null && now > due);
}

function after(start: number, ms: number | null): number | null {
  return ms === null ? null : start + ms;
}

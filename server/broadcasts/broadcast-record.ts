import type { Audience, BroadcastSeverity, BroadcastText } from '../../shared/protocol/broadcast-protocol';

/** What a person chose for a broadcast: all of it is audited as before and after. */
export interface BroadcastContent {
  text: BroadcastText;
  severity: BroadcastSeverity;
  audience: Audience;
  /** Wall time (gateway clock, epoch ms), as people chose it. */
  startsAt: number;
  endsAt: number;
  linkedQueueIds: string[];
}

/** A broadcast as the gateway keeps it: the content, who posted it and who last changed it. */
export interface BroadcastRecord {
  id: string;
  content: BroadcastContent;
  postedBy: string;
  postedAt: number;
  edited: { by: string; at: number } | null;
}

/** How a broadcast left the walls: a person ended it, or its end time came. */
export type EndReason = 'ended' | 'expired';

/** Where broadcasts are kept across restarts (server/store/broadcast-store.ts); what a person does is audited with it. */
export interface BroadcastPersistence {
  /** Every broadcast not yet ended, oldest first. */
  open(): BroadcastRecord[];
  post(record: BroadcastRecord, actor: string, at: number): void;
  edit(before: BroadcastRecord, after: BroadcastRecord, actor: string, at: number): void;
  /** `actor` null: it expired (not a person's doing, so not audited). */
  end(record: BroadcastRecord, reason: EndReason, actor: string | null, at: number): void;
}

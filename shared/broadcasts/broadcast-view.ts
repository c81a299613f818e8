import { BROADCAST_LANGUAGES, type Broadcast, type BroadcastLanguage, type BroadcastText } from '../protocol/broadcast-protocol';

/** The broadcast's words for a screen in `language`: its own, else English, else the first language given. */
export function broadcastTextIn(text: BroadcastText, language: string): string {
  if (typeof text === 'string') return text;
  const own = BROADCAST_LANGUAGES.includes(language as BroadcastLanguage) ? text[language as BroadcastLanguage] : undefined;
  return own ?? text.en ?? BROADCAST_LANGUAGES.map((l) => text[l]).find((t) => t !== undefined) ?? '';
}

/** Whether a screen showing these queues is in the broadcast's audience (the gateway resolved it to queues). */
export function broadcastReaches(broadcast: Pick<Broadcast, 'queueIds'>, shownQueueIds: ReadonlySet<string>): boolean {
  return broadcast.queueIds.some((id) => shownQueueIds.has(id));
}

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 } as const;

/** Worst first, then the newest: the order on a wall and in a desk's list. */
export function byUrgency(a: Broadcast, b: Broadcast): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.startsAt - a.startsAt || a.id.localeCompare(b.id);
}

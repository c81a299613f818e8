/**
 * The one-office configuration most gateway tests start from: Lisbon, and the in-house Care team's
 * queues (one chat queue unless a test names others). In the configuration file's own form, so a test
 * may parse it, write it to a file or change it first.
 */
export const LISBON_OFFICE = { id: 'lisbon', name: 'Lisbon', timeZone: 'Europe/Lisbon', locale: 'pt-PT' } as const;

/** A Lisbon queue of the Care team: the chat queue, or what `over` changes (id, name, channel, source, targets…). */
export function lisbonQueue(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 'chat', name: 'Chat', officeId: 'lisbon', channel: 'chat', team: { name: 'Care', kind: 'in-house' }, ...over };
}

/** `{ version: 1, offices: [Lisbon], queues }` plus whatever else the test configures (ingest, auth, …). */
export function oneOfficeConfig(queues: ReadonlyArray<Record<string, unknown>> = [lisbonQueue()], rest: Record<string, unknown> = {}): Record<string, unknown> {
  return { version: 1, offices: [LISBON_OFFICE], queues, ...rest };
}

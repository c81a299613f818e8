import type { Queue } from '../../../shared/model';

/**
 * The count of tickets past SLA a tile notes on its own, or null. A graded count at warning or worse is
 * already one of the tile's causes; a graded count below warning (or still pending) is not noted, since a
 * breach note under an OK status reads as a contradiction. Only where a manager made `slaBreached` ungraded
 * for the queue is the count noted by itself, and the note then says it is not graded.
 */
export function ungradedBreachCount(slaBreached: number | null | undefined, queue: Pick<Queue, 'ungraded'>): number | null {
  if (slaBreached == null || slaBreached <= 0) return null;
  return queue.ungraded?.includes('slaBreached') ? slaBreached : null;
}

import { WINDOW_NAMES, type QueueSnapshot, type TicketsSnapshot } from './engine-snapshot';
import type { QueueWindows } from './queue-windows';

/** One queue's windows and latest readings for a checkpoint; its open tickets (given) in admission order. */
export function snapshotQueue(queue: QueueWindows, tickets: TicketsSnapshot): QueueSnapshot {
  return {
    tickets,
    windows: Object.fromEntries(WINDOW_NAMES.map((name) => [name, queue[name].snapshot()])) as QueueSnapshot['windows'],
    backlogReading: queue.backlogReading,
    agentsReading: queue.agentsReading,
    slaBreachedReading: queue.slaBreachedReading,
    oldestWaitingReading: queue.oldestWaitingReading,
    handleTimeReading: queue.handleTimeReading,
    evictedTickets: queue.evictedTickets,
  };
}

/** Puts a checkpoint's queue back; the open tickets are the engine's to restore (it knows which it holds). */
export function restoreQueue(queue: QueueWindows, saved: QueueSnapshot): void {
  for (const name of WINDOW_NAMES) queue[name].restore(saved.windows[name]);
  queue.backlogReading = saved.backlogReading;
  queue.agentsReading = saved.agentsReading;
  queue.slaBreachedReading = saved.slaBreachedReading;
  queue.oldestWaitingReading = saved.oldestWaitingReading;
  queue.handleTimeReading = saved.handleTimeReading;
  queue.evictedTickets = saved.evictedTickets;
}

import type { QueueGroup } from '../../shared/model';
import type { Broadcast } from '../../shared/protocol/broadcast-protocol';
import { PROTOCOL_VERSION, type Alert, type Snapshot } from '../../shared/protocol/protocol';
import type { QueueBoard } from '../board/queue-board';
import type { Clock } from '../runtime/clock';

export interface SnapshotSources {
  clock: Clock;
  board: Pick<QueueBoard, 'offices' | 'queues' | 'currentStates'>;
  groups: readonly QueueGroup[];
  alerts: { openAlerts(): Alert[] };
  /** The number of the last update sent, so the screen knows which update comes next. */
  updates: { readonly lastSeq: number };
  broadcasts?: { current(): Broadcast[] };
}

/** Everything a screen needs to draw the board from nothing: sent on connect and on every resync. */
export function createSnapshots({ clock, board, groups, alerts, updates, broadcasts }: SnapshotSources): () => Snapshot {
  return () => ({
    protocol: PROTOCOL_VERSION,
    serverTime: clock.now(),
    seq: updates.lastSeq,
    offices: [...board.offices],
    // The queue as screens know it: the configuration's source, targets and limits stay in the gateway.
    queues: board.queues.map(({ id, name, names, officeId, channel, team, windows, ungraded }) => ({ id, name, names, officeId, channel, team, windows, ungraded })),
    groups: [...groups],
    states: board.currentStates(),
    alerts: alerts.openAlerts(),
    broadcasts: broadcasts?.current() ?? [],
  });
}

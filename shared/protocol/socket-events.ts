import type { z } from 'zod';
import { SessionSchema, ThresholdStateSchema } from './admin-protocol';
import { BroadcastListSchema } from './broadcast-protocol';
import type { CommandEvents } from './commands';
import {
  HeartbeatSchema,
  RejectionSchema,
  SnapshotSchema,
  UpdateSchema,
  type HistoryRequest,
  type HistoryResponse,
} from './protocol';

/**
 * The socket.io events, both ways, typed from the runtime schemas: socket.io's typed
 * `Server<ClientToServerEvents, …>` on the gateway and `Socket<ServerToClientEvents, ClientToServerEvents>`
 * on screens. Types do not validate data: both ends parse each payload with these schemas on arrival.
 */

/** Events the gateway sends, each with the schema a screen parses it with. */
export const SERVER_EVENTS = {
  /** Who this connection is (role and name), once after connecting. */
  session: SessionSchema,
  /** Threshold overrides and profiles: on connect and after every change. */
  thresholds: ThresholdStateSchema,
  snapshot: SnapshotSchema,
  /** The readable form; a screen that asked for `encoding: 'compact'` gets a CompactUpdate (compact-update.ts) instead. */
  update: UpdateSchema,
  heartbeat: HeartbeatSchema,
  /** Something the screen sent was refused; `issues` name the field and the rule. */
  rejected: RejectionSchema,
  /** Every broadcast not yet ended, whenever one is posted, edited, starts or ends; each screen shows those reaching its queues. */
  broadcasts: BroadcastListSchema,
} as const;
export type ServerEventName = keyof typeof SERVER_EVENTS;
export type ServerEventPayload<E extends ServerEventName> = z.output<(typeof SERVER_EVENTS)[E]>;

export type ServerToClientEvents = { [E in ServerEventName]: (payload: ServerEventPayload<E>) => void };

export interface ClientToServerEvents extends CommandEvents {
  /** Ask for a fresh snapshot (after a sequence gap or a long sleep). */
  resync: () => void;
  /** Minute history from the gateway's store; answered through the acknowledgement callback. */
  history: (request: HistoryRequest, reply: (response: HistoryResponse) => void) => void;
}

type ServerEventTable = { readonly [E in ServerEventName]: z.ZodType<ServerEventPayload<E>> };
const SERVER_EVENT_TABLE: ServerEventTable = SERVER_EVENTS;

/** The schema of one event the gateway sends, typed by name (TypeScript cannot follow `SERVER_EVENTS[event]` for a generic name). */
export function serverEventSchema<E extends ServerEventName>(event: E): z.ZodType<ServerEventPayload<E>> {
  return SERVER_EVENT_TABLE[event];
}

import type { Socket } from 'socket.io-client';
import { commandDefinition, type CommandAnswer, type CommandName, type CommandRequest } from '../../../shared/protocol/commands';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/protocol/socket-events';
import { parseWith } from '../../../shared/protocol/validation';

/** The part of a socket.io client socket commands need, typed from the command map; tests pass a fake. */
export type CommandSocket = Pick<Socket<ServerToClientEvents, ClientToServerEvents>, 'timeout'>;

/** One typed sender per command of shared/protocol/commands.ts: a missing one is a type error. */
export type CommandSenders = { readonly [C in CommandName]: (request: CommandRequest<C>) => Promise<CommandAnswer<C>> };

/** Everything a person can ask the gateway to do, as the views call it. */
export interface GatewayCommands {
  acknowledge(alertId: string, note?: string): Promise<CommandAnswer<'alert:acknowledge'>>;
  snooze(alertId: string, until: number): Promise<CommandAnswer<'alert:snooze'>>;
  saveThresholds(request: CommandRequest<'thresholds:save'>): Promise<CommandAnswer<'thresholds:save'>>;
  importThresholds(file: unknown, expectedRevision: number): Promise<CommandAnswer<'thresholds:import'>>;
  exportThresholds(): Promise<CommandAnswer<'thresholds:export'>>;
  auditList(limit?: number, beforeId?: number): Promise<CommandAnswer<'audit:list'>>;
  revert(auditId: number): Promise<CommandAnswer<'audit:revert'>>;
  deadLetters(limit?: number): Promise<CommandAnswer<'webhooks:dead-letters'>>;
  retryDeadLetter(id: number): Promise<CommandAnswer<'webhooks:retry'>>;
  deleteDeadLetter(id: number): Promise<CommandAnswer<'webhooks:delete'>>;
  postBroadcast(request: CommandRequest<'broadcast:post'>): Promise<CommandAnswer<'broadcast:post'>>;
  editBroadcast(request: CommandRequest<'broadcast:edit'>): Promise<CommandAnswer<'broadcast:edit'>>;
  endBroadcast(broadcastId: string): Promise<CommandAnswer<'broadcast:end'>>;
}

const TIMEOUT_MS = 5000;

/** Each answer is validated with the command's answer schema; a timeout is an answer too. */
export function createCommandSenders(socket: CommandSocket): CommandSenders {
  // socket.io's typed emitWithAck needs the event name spelled out, hence one line per command.
  const emit = () => socket.timeout(TIMEOUT_MS);
  return {
    'alert:acknowledge': (request) => answered('alert:acknowledge', emit().emitWithAck('alert:acknowledge', request)),
    'alert:snooze': (request) => answered('alert:snooze', emit().emitWithAck('alert:snooze', request)),
    'thresholds:save': (request) => answered('thresholds:save', emit().emitWithAck('thresholds:save', request)),
    'thresholds:import': (request) => answered('thresholds:import', emit().emitWithAck('thresholds:import', request)),
    'thresholds:export': (request) => answered('thresholds:export', emit().emitWithAck('thresholds:export', request)),
    'audit:list': (request) => answered('audit:list', emit().emitWithAck('audit:list', request)),
    'audit:revert': (request) => answered('audit:revert', emit().emitWithAck('audit:revert', request)),
    'webhooks:dead-letters': (request) => answered('webhooks:dead-letters', emit().emitWithAck('webhooks:dead-letters', request)),
    'webhooks:retry': (request) => answered('webhooks:retry', emit().emitWithAck('webhooks:retry', request)),
    'webhooks:delete': (request) => answered('webhooks:delete', emit().emitWithAck('webhooks:delete', request)),
    'broadcast:post': (request) => answered('broadcast:post', emit().emitWithAck('broadcast:post', request)),
    'broadcast:edit': (request) => answered('broadcast:edit', emit().emitWithAck('broadcast:edit', request)),
    'broadcast:end': (request) => answered('broadcast:end', emit().emitWithAck('broadcast:end', request)),
  };
}

async function answered<C extends CommandName>(command: C, reply: Promise<unknown>): Promise<CommandAnswer<C>> {
  const { answer } = commandDefinition(command);
  let sent: unknown;
  try {
    sent = await reply;
  } catch {
    return unavailable(answer, `The gateway did not answer within ${TIMEOUT_MS / 1000} s; nothing is known to have changed. Try again.`);
  }
  const parsed = parseWith(answer, sent);
  return parsed.ok ? parsed.value : unavailable(answer, `The gateway's answer was not understood: ${parsed.issues.join('; ')}`);
}

/** An `unavailable` answer in the command's own answer type: every answer schema admits it (commands.test.ts). */
function unavailable<A>(answer: { parse(data: unknown): A }, issue: string): A {
  return answer.parse({ ok: false, code: 'unavailable', issues: [issue] });
}

export function createGatewayCommands(socket: CommandSocket): GatewayCommands {
  const send = createCommandSenders(socket);
  return {
    acknowledge: (alertId, note) => send['alert:acknowledge'](note ? { alertId, note } : { alertId }),
    snooze: (alertId, until) => send['alert:snooze']({ alertId, until }),
    saveThresholds: (request) => send['thresholds:save'](request),
    importThresholds: (file, expectedRevision) => send['thresholds:import']({ file, expectedRevision }),
    exportThresholds: () => send['thresholds:export']({}),
    auditList: (limit = 100, beforeId) => send['audit:list'](beforeId ? { limit, beforeId } : { limit }),
    revert: (auditId) => send['audit:revert']({ auditId }),
    deadLetters: (limit = 100) => send['webhooks:dead-letters']({ limit }),
    retryDeadLetter: (id) => send['webhooks:retry']({ id }),
    deleteDeadLetter: (id) => send['webhooks:delete']({ id }),
    postBroadcast: (request) => send['broadcast:post'](request),
    editBroadcast: (request) => send['broadcast:edit'](request),
    endBroadcast: (broadcastId) => send['broadcast:end']({ broadcastId }),
  };
}

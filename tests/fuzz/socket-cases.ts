import { COMMANDS as COMMAND_MAP, type CommandDefinition } from '../../shared/protocol/commands';
import { HistoryRequestSchema } from '../../shared/protocol/protocol';
import { HOSTILE_JSON, Random } from './hostile-values';

export type SocketRole = 'anonymous' | 'wall' | 'lead' | 'manager';

/** One message: who sends it, what, and what the gateway must count (rejectedMessages key) or answer. */
export type SocketCase =
  | { kind: 'unknown-event' | 'no-callback'; from: SocketRole; event: string; payload: unknown; reason: string }
  | { kind: 'forbidden' | 'invalid'; from: SocketRole; event: string; payload: unknown; reason: string; code: string }
  | { kind: 'resync'; from: SocketRole }
  | { kind: 'raw'; packet: string }
  | { kind: 'valid'; from: 'lead' | 'manager' | 'wall'; event: string; payload: (now: number, n: number) => unknown };

const COMMANDS: Readonly<Record<string, CommandDefinition>> = COMMAND_MAP;
export const KNOWN_EVENTS = ['resync', 'history', ...Object.keys(COMMANDS)];
// socket.io-client refuses to emit these itself; they are tried as raw packets instead.
const CLIENT_RESERVED = ['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'];
const HOSTILE_EVENTS = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'resync ', 'ALERT:ACKNOWLEDGE', 'thresholds:delete', 'admin', 'x'.repeat(2000), '', 'alert:acknowledge\u0000'];
const RANK = { anonymous: 0, wall: 0, lead: 1, manager: 2 } as const;
const NEEDS = { display: 0, lead: 1, manager: 2 } as const;

/** Packets socket.io's parser refuses: the gateway closes that connection ("parse error") and nothing else. */
export const RAW_PACKETS = ['x', '9', '2[', '2{"a":1}', '2"str"', '2["disconnect"]', '2["connect"]', '2[null]', '2[{}]', '21a["resync"]', '5-["resync",{"_placeholder":true,"num":9}]', `2${'['.repeat(3000)}`, 'oversize'];

/** What the gateway receives: JSON-shaped, since socket.io sends JSON (NaN as null, no undefined). */
function wire(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return value;
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

function validFor(event: string, payload: unknown): boolean {
  const schema = event === 'history' ? HistoryRequestSchema : COMMANDS[event]!.request;
  return schema.safeParse(payload ?? {}).success;
}

export function socketCases(random: Random, count: number, samples: readonly unknown[], names: readonly string[]): SocketCase[] {
  const cases: SocketCase[] = [];
  const roles: SocketRole[] = ['anonymous', 'wall', 'lead', 'manager'];
  const payload = () => wire(random.int(3) === 0 ? JSON.parse(random.pick(HOSTILE_JSON)) : random.pick(samples));
  while (cases.length < count) {
    const roll = random.int(100);
    const from = random.pick(roles);
    if (roll < 15) {
      const event = random.int(2) === 0 ? random.pick(HOSTILE_EVENTS) : random.pick(names);
      if (KNOWN_EVENTS.includes(event) || CLIENT_RESERVED.includes(event)) continue;
      cases.push({ kind: 'unknown-event', from, event, payload: payload(), reason: 'unknown-event' });
    } else if (roll < 30) {
      const event = random.pick(['history', ...Object.keys(COMMANDS)]);
      cases.push({ kind: 'no-callback', from, event, payload: payload(), reason: event === 'history' ? 'history-without-callback' : 'command-without-callback' });
    } else if (roll < 55) {
      const event = random.pick(Object.keys(COMMANDS));
      if (RANK[from] >= NEEDS[COMMANDS[event]!.role]) continue;
      // Above its role: refused whatever it carries, even a valid request.
      cases.push({ kind: 'forbidden', from, event, payload: payload(), reason: `${event}:forbidden`, code: 'forbidden' });
    } else if (roll < 80) {
      const event = random.pick(['history', ...Object.keys(COMMANDS)]);
      const value = payload();
      if (validFor(event, value)) continue;
      const sender: SocketRole = event === 'history' ? from : 'manager';
      cases.push({ kind: 'invalid', from: sender, event, payload: value, reason: event === 'history' ? 'invalid-history-request' : `${event}:invalid`, code: 'invalid' });
    } else if (roll < 84) {
      cases.push({ kind: 'resync', from });
    } else if (roll < 86) {
      cases.push({ kind: 'raw', packet: random.pick(RAW_PACKETS) });
    } else {
      cases.push(validCase(random));
    }
  }
  return cases;
}

function validCase(random: Random): SocketCase {
  switch (random.int(4)) {
    case 0:
      return { kind: 'valid', from: 'lead', event: 'alert:acknowledge', payload: (_now, n) => ({ alertId: 'alert-1', note: `fuzz note ${n}` }) };
    case 1:
      return { kind: 'valid', from: 'lead', event: 'alert:snooze', payload: (now, n) => ({ alertId: 'alert-1', until: now + 3_600_000 + n }) };
    case 2:
      return { kind: 'valid', from: 'manager', event: 'thresholds:export', payload: () => ({}) };
    default:
      return { kind: 'valid', from: 'wall', event: 'history', payload: () => ({ spanMs: 3_600_000, metrics: ['backlog'] }) };
  }
}

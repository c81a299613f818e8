import { z } from 'zod';
import { COMMAND_NAMES, COMMANDS } from '../commands';
import { CompactUpdateSchema } from '../compact-update';
import { HandshakeRefusalSchema, HandshakeSchema, HistoryRequestSchema, HistoryResponseSchema } from '../protocol';
import { SERVER_EVENTS, type ServerEventName } from '../socket-events';

/**
 * Every message of the socket protocol, both ways, with the schema it is checked with: the source of the
 * AsyncAPI reference (document.ts) and of the check of README's examples (tests/tooling/asyncapi.test.ts).
 */
export interface ProtocolMessage {
  /** Key in the AsyncAPI document and in README's example markers (`<!-- asyncapi: key -->`). */
  key: string;
  /** The socket.io event name (or, for the handshake, where it travels). */
  name: string;
  /** `send`: the gateway sends it; `receive`: screens send it to the gateway. */
  action: 'send' | 'receive';
  summary: string;
  schema: z.ZodType | null;
  /** The key of the message answering it through socket.io's acknowledgement callback. */
  reply?: string;
}

/** An event the gateway sends, with the schema screens parse it with. */
const fromGateway = (event: ServerEventName, summary: string): ProtocolMessage => ({ key: event, name: event, action: 'send', summary, schema: SERVER_EVENTS[event] });

const keyOf = (event: string) => event.replace(/:/g, '.');

export const PROTOCOL_MESSAGES: readonly ProtocolMessage[] = [
  {
    key: 'handshake',
    name: 'auth (socket.io CONNECT)',
    action: 'receive',
    summary: 'The handshake, sent as socket.io\'s `auth` option. Fields it does not know are ignored (unlike commands).',
    schema: HandshakeSchema,
    reply: 'handshake.refusal',
  },
  {
    key: 'handshake.refusal',
    name: 'connect_error data',
    action: 'send',
    summary: 'Why a handshake was refused: the `data` of the `connect_error` the client sees.',
    schema: HandshakeRefusalSchema,
  },
  fromGateway('session', 'Who this connection is: the role and name behind its token, once after connecting.'),
  fromGateway('thresholds', 'Threshold overrides and profiles: on connect and after every change, to every screen.'),
  fromGateway('snapshot', 'Everything: on connect and after `resync`. The next update carries `seq + 1`.'),
  fromGateway('update', 'What changed, every 500 ms when something did and at once after an acknowledgement or snooze (readable form, `encoding: "json"`).'),
  fromGateway('heartbeat', 'Sent when a second passed with nothing else to send: a screen that hears nothing for 3 s is cut off.'),
  fromGateway('rejected', 'Something the screen sent was refused: an unknown event, a command or history without a callback, a resync more often than once a second.'),
  fromGateway('broadcasts', 'Every broadcast not yet ended, to every screen, when one is posted, edited, starts or ends (gateway clock). A screen shows those whose `queueIds` hold a queue it shows; walls show `active` ones.'),
  {
    key: 'update.compact',
    name: 'update',
    action: 'send',
    summary: 'The same update in the compact form, to a screen whose handshake asked for `encoding: "compact"`: patches are arrays (see the description).',
    schema: CompactUpdateSchema,
  },
  { key: 'resync', name: 'resync', action: 'receive', summary: 'Ask for a fresh snapshot (at most one per second per connection). No payload.', schema: null },
  {
    key: 'history',
    name: 'history',
    action: 'receive',
    summary: 'Minute history from the gateway\'s store (any role). Every queue id must be configured; at most 512 KiB answered, a few requests a minute per connection.',
    schema: HistoryRequestSchema,
    reply: 'history.answer',
  },
  { key: 'history.answer', name: 'history (acknowledgement)', action: 'send', summary: 'One value per minute per metric, or a refusal with its code (`invalid`, `too-large`, `too-often`, `unavailable`) and issues.', schema: HistoryResponseSchema },
  ...COMMAND_NAMES.flatMap((name): ProtocolMessage[] => [
    {
      key: keyOf(name),
      name,
      action: 'receive',
      summary: `${COMMANDS[name].summary} Needs the \`${COMMANDS[name].role}\` role.`,
      schema: COMMANDS[name].request,
      reply: `${keyOf(name)}.answer`,
    },
    { key: `${keyOf(name)}.answer`, name: `${name} (acknowledgement)`, action: 'send', summary: `The answer to \`${name}\`.`, schema: COMMANDS[name].answer },
  ]),
];

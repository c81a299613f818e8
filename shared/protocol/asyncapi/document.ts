import { z } from 'zod';
import { PROTOCOL_VERSION } from '../protocol';
import { PROTOCOL_MESSAGES, type ProtocolMessage } from './messages';
import { PROTOCOL_NOTES } from './notes';

type JsonSchema = Record<string, unknown>;

/**
 * A message's payload as JSON Schema (draft 7, which AsyncAPI 3's schema format extends). What screens send
 * is described as the gateway accepts it (defaults optional); what the gateway sends, as it sends it. A
 * schema that drops unknown fields is written open (no `additionalProperties: false`): only the strict
 * ones, the commands, refuse them.
 */
function payloadOf(message: ProtocolMessage): JsonSchema | undefined {
  if (!message.schema) return undefined;
  const { $schema: _draft, ...schema } = z.toJSONSchema(message.schema, {
    target: 'draft-7',
    io: message.action === 'receive' ? 'input' : 'output',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const def = zodSchema._zod.def;
      if (def.type === 'object' && !('catchall' in def && def.catchall)) delete jsonSchema.additionalProperties;
    },
  });
  return schema;
}

const ref = (path: string) => ({ $ref: path });
const messageRef = (key: string) => ref(`#/channels/gateway/messages/${key}`);

/** The AsyncAPI 3 document of the socket protocol (docs/asyncapi.json). */
export function asyncApiDocument(): Record<string, unknown> {
  const messages = Object.fromEntries(
    PROTOCOL_MESSAGES.map((message) => [
      message.key,
      { name: message.name, title: message.key, summary: message.summary, ...(message.schema ? { payload: payloadOf(message) } : {}) },
    ]),
  );
  const replies = new Set(PROTOCOL_MESSAGES.flatMap((message) => (message.reply ? [message.reply] : [])));
  const operations = Object.fromEntries(
    PROTOCOL_MESSAGES.filter((message) => !replies.has(message.key)).map((message) => [
      `${message.action}.${message.key}`,
      {
        action: message.action,
        channel: ref('#/channels/gateway'),
        summary: message.summary,
        messages: [messageRef(message.key)],
        ...(message.reply ? { reply: { channel: ref('#/channels/gateway'), messages: [messageRef(message.reply)] } } : {}),
      },
    ]),
  );
  return {
    asyncapi: '3.1.0',
    info: {
      title: 'Queueboard gateway socket protocol',
      version: String(PROTOCOL_VERSION),
      description: PROTOCOL_NOTES,
    },
    defaultContentType: 'application/json',
    servers: {
      gateway: {
        host: 'localhost:4310',
        protocol: 'ws',
        pathname: '/socket.io/',
        description: 'A Queueboard gateway (socket.io v4). Use wss with TLS; the port is `PORT` (4310 by default).',
      },
    },
    channels: {
      gateway: {
        address: '/',
        title: 'The default socket.io namespace',
        description: 'Every event of the protocol, both ways, on one connection.',
        servers: [ref('#/servers/gateway')],
        messages,
      },
    },
    operations,
  };
}

/** As committed in docs/asyncapi.json. */
export function asyncApiJson(): string {
  return `${JSON.stringify(asyncApiDocument(), null, 2)}\n`;
}

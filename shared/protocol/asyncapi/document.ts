import { z } from 'zod';
import { HealthProfileSchema, ThresholdOverrideSchema } from '../../health/threshold-model';
import { MetricIdSchema, MetricValuesSchema } from '../../metrics';
import { OfficeSchema, QueueGroupSchema, QueueSchema, SlugSchema, TeamSchema } from '../../model';
import {
  AdminResultSchema,
  AuditEntrySchema,
  AuditListResultSchema,
  ExportResultSchema,
  StoredOverrideSchema,
  ThresholdFileSchema,
  ThresholdKeySchema,
} from '../admin-protocol';
import {
  AlertSchema,
  CommandResultSchema,
  PROTOCOL_VERSION,
  QueueHealthSchema,
  QueueHistorySchema,
  QueueStatePatchSchema,
  QueueStateSchema,
} from '../protocol';
import { PROTOCOL_MESSAGES } from './messages';
import { PROTOCOL_NOTES } from './notes';

type JsonSchema = Record<string, unknown>;

/** Shapes named in the reference (components.schemas), so a client author reads `Office` or `Alert` once. */
const NAMED_SCHEMAS: ReadonlyArray<readonly [z.ZodType, string]> = [
  [SlugSchema, 'Slug'],
  [MetricIdSchema, 'MetricId'],
  [MetricValuesSchema, 'MetricValues'],
  [OfficeSchema, 'Office'],
  [TeamSchema, 'Team'],
  [QueueSchema, 'Queue'],
  [QueueGroupSchema, 'QueueGroup'],
  [QueueHealthSchema, 'QueueHealth'],
  [QueueStateSchema, 'QueueState'],
  [QueueStatePatchSchema, 'QueueStatePatch'],
  [AlertSchema, 'Alert'],
  [QueueHistorySchema, 'QueueHistory'],
  [ThresholdKeySchema, 'ThresholdKey'],
  [StoredOverrideSchema, 'StoredOverride'],
  [HealthProfileSchema, 'HealthProfile'],
  [ThresholdOverrideSchema, 'ThresholdOverride'],
  [ThresholdFileSchema, 'ThresholdFile'],
  [AuditEntrySchema, 'AuditEntry'],
  [CommandResultSchema, 'CommandResult'],
  [AdminResultSchema, 'AdminResult'],
  [AuditListResultSchema, 'AuditListResult'],
  [ExportResultSchema, 'ExportResult'],
];

/**
 * Every payload and named shape as JSON Schema (draft 7, which AsyncAPI 3's schema format extends), each
 * referring to the others by name. Payloads are described as they are accepted (defaults optional); an
 * object that drops unknown fields is written open, and only the strict ones, the requests, refuse them
 * (`additionalProperties: false`). Returns the schemas and the component name of each message's payload.
 */
function schemaComponents(): { schemas: Record<string, JsonSchema>; payloadName: (schema: z.ZodType) => string } {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of NAMED_SCHEMAS) registry.add(schema, { id });
  for (const message of PROTOCOL_MESSAGES) if (message.schema && !registry.has(message.schema)) registry.add(message.schema, { id: message.key });
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-7', io: 'input', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` });
  const bare = Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _draft, $id: _id, ...schema }]) => [id, schema]));
  return { schemas: bare, payloadName: (schema) => registry.get(schema)?.id ?? '' };
}

const ref = (path: string) => ({ $ref: path });
const messageRef = (key: string) => ref(`#/channels/gateway/messages/${key}`);

/** The AsyncAPI 3 document of the socket protocol (docs/asyncapi.json). */
export function asyncApiDocument(): Record<string, unknown> {
  const { schemas, payloadName } = schemaComponents();
  const messages = Object.fromEntries(
    PROTOCOL_MESSAGES.map((message) => [
      message.key,
      { name: message.name, title: message.key, summary: message.summary, ...(message.schema ? { payload: ref(`#/components/schemas/${payloadName(message.schema)}`) } : {}) },
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
    components: { schemas },
  };
}

/** As committed in docs/asyncapi.json. */
export function asyncApiJson(): string {
  return `${JSON.stringify(asyncApiDocument(), null, 2)}\n`;
}

import { z } from 'zod';
import { FreshdeskConnectionSchema } from './freshdesk/freshdesk-config';
import { IntercomConnectionSchema } from './intercom/intercom-config';
import { ZendeskConnectionSchema } from './zendesk/zendesk-config';

/** One helpdesk account the gateway polls (connectors: in the configuration file). */
export const ConnectorConnectionSchema = z.discriminatedUnion('kind', [ZendeskConnectionSchema, FreshdeskConnectionSchema, IntercomConnectionSchema]);
export type ConnectorConnection = z.infer<typeof ConnectorConnectionSchema>;

const CONNECTOR_KINDS: ReadonlySet<string> = new Set(['zendesk', 'freshdesk', 'intercom']);

/**
 * Cross-field rules: connection ids are unique, and a queue fed by a helpdesk names a connection of that
 * helpdesk. Called from the gateway configuration's own checks.
 */
export function checkConnectorReferences(
  config: { connectors: readonly ConnectorConnection[]; queues: ReadonlyArray<{ source?: { kind: string; connection?: string } | undefined }> },
  ctx: z.RefinementCtx,
): void {
  const byId = new Map<string, ConnectorConnection>();
  config.connectors.forEach((connection, index) => {
    if (byId.has(connection.id)) ctx.addIssue({ code: 'custom', path: ['connectors', index, 'id'], message: `duplicates id "${connection.id}"` });
    byId.set(connection.id, connection);
  });
  config.queues.forEach((queue, index) => {
    const source = queue.source;
    if (!source || !CONNECTOR_KINDS.has(source.kind) || source.connection === undefined) return;
    const connection = byId.get(source.connection);
    const path = ['queues', index, 'source', 'connection'];
    if (!connection) {
      const known = [...byId.keys()];
      ctx.addIssue({
        code: 'custom',
        path,
        message: `names connection "${source.connection}", which is not among the connectors (${known.length ? known.join(', ') : 'none configured'})`,
      });
    } else if (connection.kind !== source.kind) {
      ctx.addIssue({ code: 'custom', path, message: `names connection "${source.connection}", which is ${connection.kind}, not ${source.kind}` });
    }
  });
}

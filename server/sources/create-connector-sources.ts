import type { ConfiguredQueue, GatewayConfig } from '../config/config-schema';
import { createFreshdeskSource } from './freshdesk/freshdesk-source';
import { createIntercomSource } from './intercom/intercom-source';
import type { ConnectorCapabilities } from './polling/connector-capabilities';
import type { PolledSource } from './polling/polled-source';
import { createZendeskSource } from './zendesk/zendesk-source';

type QueueSource = NonNullable<ConfiguredQueue['source']>;

function queuesOf<K extends QueueSource['kind']>(queues: readonly ConfiguredQueue[], kind: K, connection: string) {
  return queues.flatMap((queue) => {
    const source = queue.source;
    return source && source.kind === kind && 'connection' in source && source.connection === connection
      ? [{ id: queue.id, source: source as Extract<QueueSource, { kind: K }> }]
      : [];
  });
}

/** One polled Source per helpdesk connection in the configuration, with the queues that name it. */
export function createConnectorSources(config: Pick<GatewayConfig, 'connectors' | 'queues'>, capabilities: ConnectorCapabilities): PolledSource[] {
  const { queues } = config;
  const feeding = <Q>(id: string, found: Q[], make: (queues: Q[]) => PolledSource): PolledSource[] => {
    if (found.length > 0) return [make(found)];
    capabilities.logger.warn('connector feeds no queue; not polled', { connection: id });
    return [];
  };
  return config.connectors.flatMap((connection): PolledSource[] => {
    switch (connection.kind) {
      case 'zendesk':
        return feeding(connection.id, queuesOf(queues, 'zendesk', connection.id), (q) => createZendeskSource({ ...capabilities, connection, queues: q }));
      case 'freshdesk':
        return feeding(connection.id, queuesOf(queues, 'freshdesk', connection.id), (q) => createFreshdeskSource({ ...capabilities, connection, queues: q }));
      case 'intercom':
        return feeding(connection.id, queuesOf(queues, 'intercom', connection.id), (q) => createIntercomSource({ ...capabilities, connection, queues: q }));
    }
  });
}

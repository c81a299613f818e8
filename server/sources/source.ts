import type { MetricValues } from '../../shared/metrics';

/** A source's report of some metrics of one queue at one moment. Metrics it does not report are left out. */
export interface QueueReading {
  readonly sourceId: string;
  readonly queueId: string;
  /** Gateway clock, epoch ms. */
  readonly at: number;
  readonly metrics: Partial<MetricValues>;
}

export type ReadingSink = (reading: QueueReading) => void;

/**
 * What every source implements: the demo now; HTTP push and helpdesk connectors later. A source pushes
 * readings into the sink it is started with until it is stopped.
 */
export interface Source {
  readonly id: string;
  start(sink: ReadingSink): void;
  stop(): void;
}

import { DEFAULT_FIRST_RESPONSE_TARGET_SECONDS } from '../../shared/health/default-thresholds';
import type { GatewayConfig } from '../config/config-schema';
import type { MetricWindows, QueueSetup } from './engine-types';

/** The metric engine's queues and windows from the configuration: targets default by channel, windows in ms. */
export function engineOptionsFor(config: Pick<GatewayConfig, 'queues' | 'windows'>): { queues: QueueSetup[]; windows: MetricWindows } {
  return {
    queues: config.queues.map((queue) => ({
      id: queue.id,
      firstResponseTargetSeconds: queue.targets?.firstResponseSeconds ?? DEFAULT_FIRST_RESPONSE_TARGET_SECONDS[queue.channel],
    })),
    windows: {
      firstResponseMs: config.windows.firstResponseMinutes * 60_000,
      resolutionMs: config.windows.resolutionHours * 3_600_000,
      flowMs: config.windows.flowMinutes * 60_000,
      csatMs: config.windows.csatDays * 86_400_000,
    },
  };
}

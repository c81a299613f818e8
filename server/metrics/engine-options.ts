import { DEFAULT_FIRST_RESPONSE_TARGET_SECONDS } from '../../shared/health/default-thresholds';
import type { GatewayConfig } from '../config/config-schema';
import type { MetricWindows, QueueSetup } from './engine-types';

/** The metric engine's queues and windows from the configuration: targets default by channel, windows in ms. */
export function engineOptionsFor(config: Pick<GatewayConfig, 'offices' | 'queues' | 'windows'>): { queues: QueueSetup[]; windows: MetricWindows } {
  const zones = new Map(config.offices.map((office) => [office.id, office.timeZone]));
  return {
    queues: config.queues.map((queue) => ({
      id: queue.id,
      firstResponseTargetSeconds: queue.targets?.firstResponseSeconds ?? DEFAULT_FIRST_RESPONSE_TARGET_SECONDS[queue.channel],
      // Each queue's windows were resolved by channel when the file was read (config/localized-config.ts).
      windows: queue.windows,
      timeZone: zones.get(queue.officeId),
    })),
    windows: {
      firstResponseMs: config.windows.firstResponseMinutes * 60_000,
      resolutionMs: config.windows.resolutionHours * 3_600_000,
      flowMs: config.windows.flowMinutes * 60_000,
      csatMs: config.windows.csatDays * 86_400_000,
    },
  };
}

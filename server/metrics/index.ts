export { MetricEngine } from './metric-engine';
export { DEFAULT_LIMITS, DEFAULT_WINDOWS } from './engine-types';
export type { EngineLimits, EngineMetrics, EventOutcome, MetricWindows, QueueSetup } from './engine-types';

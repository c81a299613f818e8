export { MetricEngine } from './metric-engine';
export { DEFAULT_LIMITS, DEFAULT_WINDOWS, SOLVED_MEMORY_MS } from './engine-types';
export type { EngineLimits, EngineMetrics, EngineSnapshot, EventOutcome, MetricWindows, QueueSetup } from './engine-types';
